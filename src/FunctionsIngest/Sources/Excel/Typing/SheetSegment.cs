namespace FunctionsIngest.Sources.Excel.Typing;

/// <summary>One sheet's share of the table in pass 2: its pass-1 profile and where each output column comes from.</summary>
internal sealed class SheetSegment
{
    public SheetSegment(SheetProfile profile, int[] sheetColumnOf)
    {
        Profile = profile;
        SheetColumnOf = sheetColumnOf;
    }

    public SheetProfile Profile { get; }

    public string SheetName => Profile.SheetName;

    /// <summary>Per output column, the 0-based sheet column it is read from; -1 when this sheet lacks it (or for "_sheet").</summary>
    public int[] SheetColumnOf { get; }
}
