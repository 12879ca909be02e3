using FunctionsIngest.Transforms.Engine;

namespace FunctionsIngest.Transforms.Steps;

/// <summary>A compiled transform: rewrites the batch's columns and/or marks rows filtered or quarantined.</summary>
internal interface ITransformStep
{
    void Apply(WorkBatch batch);
}
