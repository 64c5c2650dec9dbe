namespace Chancery.Tests.Infrastructure;

/// <summary>Tests that measure the process's memory while the app handles a request. The app runs in
/// the test process, so another test class running at the same time would count in their figures:
/// this collection runs on its own, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}
