using System.Security.Claims;

using Bunit;

using FreeGpuPortal.Tests.Support;
using FreeGpuPortal.Web.Accounts;
using FreeGpuPortal.Web.Auditing;
using FreeGpuPortal.Web.Components.Admin;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FreeGpuPortal.Tests.Admin;

/// <summary>
/// An admin page rendered over the seeded SQLite catalog, interactive, for a signed-in admin with the Admin role and
/// the user id claim the history records.
/// </summary>
public abstract class AdminComponentTest : PortalComponentTest
{
    public const string AdminUserId = "admin-user-1";
    public const string AdminEmail = "admin@example.org";

    /// <summary>How long to wait for a save to come back: the machine running the suite may be busy.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly TestAdminAccounts _accounts = new();
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _authorization;
    private JSRuntimeInvocationHandler<string?>? _ticketRequests;

    protected AdminComponentTest()
    {
        _accounts.AddTo(Services);
        Services.AddScoped<AdminSession>();
        _authorization = AddAuthorization();
        _authorization.SetAuthorized(AdminEmail);
        _authorization.SetRoles("Admin");
        // A data directory without backups: the admin index offers none.
        var dataDirectory = Path.Combine(Path.GetTempPath(), "freegpuportal-tests", Guid.NewGuid().ToString("N"));
        Services.AddSingleton(new FreeGpuPortal.Web.Backups.BackupFolder(dataDirectory));
        // On SQLite, as the portal's default: the admin index speaks of the portal's own backups.
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [FreeGpuPortal.Web.Data.DataDirectory.ConfigurationKey] = dataDirectory })
            .Build();
        Services.AddSingleton(new FreeGpuPortal.Web.Data.PortalDatabase(settings, new FreeGpuPortal.Web.Data.DataDirectory(
            settings, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = dataDirectory })));
        // The hardware-report moderation page is an admin page too.
        FreeGpuPortal.Tests.HardwareReportsWeb.ReportTestData.AddReportServices(Services);
        // The admin navigation counts pending suggestions; the platform form can open with one.
        Services.AddSingleton<FreeGpuPortal.Web.Suggestions.SuggestionModeration>();
        // A suggestion's outcome page, to read what accepting it said.
        Services.AddSingleton<FreeGpuPortal.Web.Suggestions.SuggestionSubmissions>();
        // The links page and its "Check links now": the checker's real services, its HTTP client refusing every
        // connection before anything leaves the machine, so the seed's sources read as unreachable.
        Services.AddOptions<FreeGpuPortal.Web.LinkChecking.LinkCheckOptions>();
        Services.AddHttpClient(FreeGpuPortal.Web.LinkChecking.LinkProbe.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectCallback = (_, _) => throw new HttpRequestException("Component tests connect nowhere."),
            });
        Services.AddSingleton<FreeGpuPortal.Web.LinkChecking.LinkProbe>();
        Services.AddSingleton<FreeGpuPortal.Web.LinkChecking.LinkCheckRun>();
        Services.AddSingleton<FreeGpuPortal.Web.LinkChecking.LinkHealth>();
        Services.AddSingleton<FreeGpuPortal.Web.LinkChecking.LinkCheckRunner>();
        Services.AddScoped<FreeGpuPortal.Web.LinkChecking.RedirectAcceptance>();
        // The page that adds and removes admins.
        Services.AddScoped<AdminAccounts>();
        // The catalog file's export and import page.
        Services.AddSingleton<FreeGpuPortal.Web.Catalog.Transfer.CatalogTransfer>();
        SetRendererInfo(new RendererInfo("Server", true)); // after the services: it starts the renderer
    }

    /// <summary>The admin's sign-in as the page holds it (with the account's current security stamp).</summary>
    protected ClaimsPrincipal SignedIn { get; private set; } = new();

    /// <summary>
    /// The admin account exists in the accounts store with the Admin role, the page's principal carries its security
    /// stamp and a second factor, and the browser answers the admin pages' ticket request with a ticket for it, as a
    /// browser still signed in does.
    /// </summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SignedIn = await TestAdminAccounts.CreateAdminAsync(Services, AdminUserId, AdminEmail);
        _authorization.SetClaims([.. SignedIn.Claims.Where(c => c.Type != ClaimTypes.Name && c.Type != ClaimTypes.Role)]);
        BrowserSignIn(SignedIn);
    }

    /// <summary>Sets what the browser's cookie proves when a page asks for an action ticket; null: not signed in.</summary>
    protected void BrowserSignIn(ClaimsPrincipal? browserUser)
    {
        var ticket = browserUser is null ? null : Services.GetRequiredService<AdminAuthority>().IssueTicket(browserUser);
        _ticketRequests ??= AdminModule.Setup<string?>("actionTicket");
        _ticketRequests.SetResult(ticket);
    }

    /// <summary>The admin pages' script module as the page imports it: its calls (ticket, reveal, text) are recorded here.</summary>
    protected BunitJSModuleInterop AdminModule => _adminModule ??= JSInterop.SetupModule("./js/admin.js");
    private BunitJSModuleInterop? _adminModule;
    private JSRuntimeInvocationHandler<Microsoft.JSInterop.IJSStreamReference>? _textRequests;
    private JSRuntimeInvocationHandler<bool>? _emptyRequests;

    /// <summary>
    /// Sets what a text box the page reads as a stream (admin.js isEmpty, then textOf) holds, as a browser would send
    /// it: an empty box is never streamed, because a browser cannot stream nothing.
    /// </summary>
    protected void BoxHolds(string text)
    {
        _emptyRequests ??= AdminModule.Setup<bool>("isEmpty", _ => true);
        _emptyRequests.SetResult(text.Length == 0);
        _textRequests ??= AdminModule.Setup<Microsoft.JSInterop.IJSStreamReference>("textOf", _ => true);
        _textRequests.SetResult(new TextStreamReference(text));
    }

    /// <summary>A text as the browser streams it: UTF-8 bytes whose length is known first.</summary>
    private sealed class TextStreamReference(string text) : Microsoft.JSInterop.IJSStreamReference
    {
        private readonly byte[] _bytes = System.Text.Encoding.UTF8.GetBytes(text);

        public long Length => _bytes.Length;

        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            _bytes.Length > maxAllowedSize
                ? throw new ArgumentOutOfRangeException(nameof(maxAllowedSize))
                : ValueTask.FromResult<Stream>(new MemoryStream(_bytes, writable: false));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    protected override async Task DisposeTestAsync()
    {
        await base.DisposeTestAsync();
        await _accounts.DisposeAsync();
    }

    protected async Task<IReadOnlyList<HistoryEntry>> HistoryOfAsync(string slug) =>
        (await Catalog.History.ForPlatformPageAsync(slug, includeActors: true, page: 1, pageSize: CatalogHistory.MaxPageSize)).Entries;

    /// <summary>Types into an input (found by its id) and leaves it, as a browser's change event does.</summary>
    protected static void Enter<T>(IRenderedComponent<T> page, string inputId, string value)
        where T : IComponent =>
        page.Find($"#{inputId}").Change(value);
}
