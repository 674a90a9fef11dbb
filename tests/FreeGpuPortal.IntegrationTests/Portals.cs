namespace FreeGpuPortal.IntegrationTests;

// The named configurations of PortalHostOptions that test classes share one host of (IClassFixture needs a type).
// A test that needs another configuration makes its own host: PortalHost.For(PortalHostOptions.X.WithSettings(...)).

/// <summary>A host with <see cref="PortalHostOptions.Lenient"/>: the rate limits lifted, for tests of many requests.</summary>
public sealed class LenientPortal() : PortalHost(PortalHostOptions.Lenient);

/// <summary>A host with <see cref="PortalHostOptions.Observed"/>: the log captured, one client address, limits lifted.</summary>
public sealed class ObservedPortal() : PortalHost(PortalHostOptions.Observed);

/// <summary>A host with <see cref="PortalHostOptions.Production"/>: Production over HTTPS, log captured.</summary>
public sealed class ProductionPortal() : PortalHost(PortalHostOptions.Production);

/// <summary>A host with <see cref="PortalHostOptions.TwoFactorRequired"/>: Development with two-factor sign-in required.</summary>
public sealed class TwoFactorPortal() : PortalHost(PortalHostOptions.TwoFactorRequired);
