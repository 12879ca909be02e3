namespace FunctionsIngest.Parquet; internal static class Placeholder {}
