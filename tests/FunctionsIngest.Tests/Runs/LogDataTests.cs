using System.Text.Json.Nodes;
using FunctionsIngest.Runs;

namespace FunctionsIngest.Tests.Runs;

/// <summary>Log data is written as the product's JSON always wrote it: null members left out at any depth, array items kept.</summary>
public class LogDataTests
{
    [Fact]
    public void Null_members_are_left_out_at_every_depth_and_array_items_are_kept()
    {
        string? none = null;
        var data = new JsonObject
        {
            ["file"] = "in/a.xlsx",
            ["sheet"] = none,
            ["where"] = new JsonObject { ["cell"] = "B5", ["column"] = none },
            ["parts"] = LogData.Strings(["part-00000.parquet", null]),
            ["columns"] = LogData.Objects(new[] { ("id", (string?)null) }, c => new JsonObject { ["name"] = c.Item1, ["format"] = c.Item2 }),
            ["at"] = new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero),
            ["durationMs"] = 2817.0322,
        };

        Assert.Equal(
            """{"file":"in/a.xlsx","where":{"cell":"B5"},"parts":["part-00000.parquet",null],"columns":[{"name":"id"}],"at":"2026-11-22T15:00:00+00:00","durationMs":2817.0322}""",
            LogData.Write(data));
    }
}
