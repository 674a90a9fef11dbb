namespace FreeGpuPortal.BrowserTests.Cluster;

/// <summary>
/// What a <see cref="ReadLoad"/> run did: reads made, reads failed (with the first few failures), how long, and the
/// slowest read.
/// </summary>
public sealed record ReadLoadResult(int Total, int Failed, IReadOnlyList<string> FailureSamples, TimeSpan Elapsed, TimeSpan Slowest);
