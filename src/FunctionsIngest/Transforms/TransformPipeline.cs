using FunctionsIngest.Data;
using FunctionsIngest.Transforms.Engine;
using FunctionsIngest.Transforms.Specs;
using FunctionsIngest.Transforms.Steps;

namespace FunctionsIngest.Transforms;

/// <summary>What one batch became: the rows kept, and the rows quarantined (null when none). Both are reused by the next call.</summary>
public sealed record TransformOutput(RecordBatch Output, RecordBatch? Quarantine);

/// <summary>
/// Compiled transforms mapping input batches to output batches. The output schema is computed from the input schema
/// before any data, so a spec naming a missing column fails at validation. Rows failing a validation rule or a cast
/// go to a quarantine batch (input columns as read + "_reason" + "_source_row" [+ "_cell"]); filtered rows are dropped.
/// </summary>
public sealed class TransformPipeline
{
    private readonly List<ITransformStep> _steps;
    private readonly WorkBatch _work;
    private readonly QuarantineWriter _quarantine;
    private RecordBatch? _output;

    private TransformPipeline(TableSchema input, TableSchema output, List<ITransformStep> steps, TransformContext context)
    {
        InputSchema = input;
        OutputSchema = output;
        _steps = steps;
        _work = new WorkBatch(context);
        _quarantine = new QuarantineWriter(input, context.ColumnLetters);
    }

    public TableSchema InputSchema { get; }

    public TableSchema OutputSchema { get; }

    public TableSchema QuarantineSchema => _quarantine.Schema;

    public long RowsRead { get; private set; }

    public long RowsWritten { get; private set; }

    public long RowsQuarantined { get; private set; }

    /// <summary>Rows dropped by filters.</summary>
    public long RowsFiltered { get; private set; }

    /// <summary>Every problem with the specs against this input schema, each naming the transform and column; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(TableSchema input, IReadOnlyList<TransformSpec> specs) =>
        Check(TransformInput.Exactly(input), specs).Errors.Select(e => e.Message).ToArray();

    /// <summary>
    /// Every problem with the specs against what is known of the input. Checks needing a type the input does not know
    /// (casts between types, a range's bounds...) are left for <see cref="Create"/> when the data is read.
    /// </summary>
    public static TransformCheck Check(TransformInput input, IReadOnlyList<TransformSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = Compile(new SchemaPlan(input), specs, out _);
        return new TransformCheck(plan.Errors.ToArray(), plan.Assumed.ToArray());
    }

    /// <summary>The output schema the specs produce from <paramref name="input"/>; throws when they are invalid.</summary>
    public static TableSchema OutputSchemaFor(TableSchema input, IReadOnlyList<TransformSpec> specs) => Create(input, specs, new TransformContext()).OutputSchema;

    /// <summary>Compiles the specs; an <see cref="IngestException"/> lists every problem when they are invalid.</summary>
    public static TransformPipeline Create(TableSchema input, IReadOnlyList<TransformSpec> specs, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var plan = Compile(new SchemaPlan(input), specs, out var steps);
        if (plan.Errors.Count > 0)
            throw IngestErrors.InvalidTransforms(plan.Errors.Select(e => e.Message).ToArray());
        return new TransformPipeline(input, plan.ToSchema(), steps, context);
    }

    private static SchemaPlan Compile(SchemaPlan plan, IReadOnlyList<TransformSpec> specs, out List<ITransformStep> steps)
    {
        ArgumentNullException.ThrowIfNull(specs);
        steps = [];
        for (int i = 0; i < specs.Count; i++)
        {
            plan.Index = i;
            plan.Kind = specs[i]?.Kind ?? "null";
            ITransformStep? step = specs[i] switch
            {
                SelectSpec s => SelectStep.Compile(s, plan),
                RenameSpec s => RenameStep.Compile(s, plan),
                CastSpec s => CastStep.Compile(s, plan),
                SplitSpec s => SplitStep.Compile(s, plan),
                JoinSpec s => JoinStep.Compile(s, plan),
                ConstantSpec s => ConstantStep.Compile(s, plan),
                MetadataSpec s => MetadataStep.Compile(s, plan),
                FilterSpec s => FilterStep.Compile(s, plan),
                RequiredSpec s => RuleStep.Required(s, plan),
                RegexSpec s => RuleStep.Regex(s, plan),
                RangeSpec s => RuleStep.Range(s, plan),
                AllowedSpec s => RuleStep.Allowed(s, plan),
                _ => Unknown(plan),
            };
            if (step is not null)
                steps.Add(step);
        }
        return plan;
    }

    private static ITransformStep? Unknown(SchemaPlan plan)
    {
        plan.Invalid("the transform is empty or of an unknown type.");
        return null;
    }

    /// <summary>
    /// Transforms one batch. <paramref name="sourceRows"/>: the source row number of each input row (from a reader
    /// implementing ISourceRowNumbers); when empty, rows are numbered from the context's FirstRowNumber onwards.
    /// <paramref name="sourceSheets"/>: the index of each input row's sheet in the context's ColumnLetters (from a
    /// reader implementing ISheetCellLayout); when empty, every row is from the first sheet.
    /// </summary>
    public TransformOutput Process(RecordBatch input, ReadOnlySpan<long> sourceRows = default, ReadOnlySpan<int> sourceSheets = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        _work.Reset(input, sourceRows, sourceSheets, _work.Context.FirstRowNumber + RowsRead);
        foreach (var step in _steps)
            step.Apply(_work);
        var output = VectorOps.Ready(ref _output, OutputSchema, _work.Capacity);
        var state = _work.State;
        var columns = _work.Columns;
        for (int r = 0; r < state.Length; r++)
        {
            if (state[r] != WorkBatch.Alive)
                continue;
            for (int c = 0; c < columns.Count; c++)
                VectorOps.CopyRow(columns[c], r, output.Columns[c]);
        }
        var quarantine = _quarantine.Write(input, _work);
        RowsRead += input.RowCount;
        RowsWritten += output.RowCount;
        RowsQuarantined += quarantine?.RowCount ?? 0;
        RowsFiltered += input.RowCount - output.RowCount - (quarantine?.RowCount ?? 0);
        return new TransformOutput(output, quarantine);
    }
}
