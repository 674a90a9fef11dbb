using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(FreeGpuPortal.Benchmarks.CatalogQueryBenchmarks).Assembly).Run(args);
