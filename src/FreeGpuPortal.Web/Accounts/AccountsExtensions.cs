using System.Security.Claims;

using FreeGpuPortal.Web.Components.Account;
using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Accounts;

public static class AccountsExtensions
{
    /// <summary>POSTs to the sign-in pages per client IP: 10 a minute unless "RateLimits:SignIn" says otherwise.</summary>
    public const string SignInRateLimitPolicy = "sign-in";

    public static readonly string[] SignInPages = ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    public static IHostApplicationBuilder AddPortalAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var admin = builder.Configuration.GetSection(AdminOptions.Section).Get<AdminOptions>() ?? new AdminOptions();
        if (builder.Configuration[$"{AdminOptions.Section}:{nameof(AdminOptions.RequireTwoFactor)}"] is null)
        {
            admin.RequireTwoFactor = !builder.Environment.IsDevelopment();
        }

        services.AddSingleton(admin);
        builder.AddSecurityEvents();
        services.AddScoped<AdminAccounts>();

        services.AddPortalDbContextFactory<AccountsDbContext, PostgreSqlAccountsDbContext>(
            builder.Configuration,
            (provider, options) => provider.GetRequiredService<PortalDatabase>().Use(options, AccountsDbContext.MigrationsHistoryTable));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck<AccountsDbContext>>("accounts-database");
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<PortalUser>(options =>
            {
                ConfigureStores(options.Stores);
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = admin.MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();
        services.AddSingleton<IEmailSender<PortalUser>, IdentityNoOpEmailSender>();

        // Every cookie the app sets: not readable by scripts, only over HTTPS outside Development, never sent on
        // cross-site requests. (Development runs over plain HTTP too.)
        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = securePolicy;
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = SecurityAccessDeniedExtensions.AccessDeniedPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // Signed in but not allowed: 403 with the access-denied page, not a redirect (see SecurityAccessDeniedExtensions).
            options.Events.OnRedirectToAccessDenied = SecurityAccessDeniedExtensions.ForbidWithStatus;
        });
        foreach (var scheme in new[] { IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = securePolicy;
            });
        }

        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = securePolicy;
        });

        // The cookie is checked against the account's security stamp this often, so a removed admin role or a sign-out
        // elsewhere ends access at the next request. The check rebuilds the principal from the database and would drop
        // the "amr" claim of a two-factor sign-in, which the Admin policy needs: it is carried over.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromSeconds(Math.Max(0, admin.SessionValidationSeconds));
            options.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity
                    && context.CurrentPrincipal is { } current)
                {
                    foreach (var amr in current.FindAll("amr").Where(c => !identity.HasClaim("amr", c.Value)))
                    {
                        identity.AddClaim(new Claim("amr", amr.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Admin, policy =>
            {
                policy.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin);
                if (admin.RequireTwoFactor)
                {
                    // Identity marks a sign-in completed with a second factor with the "amr" claim "mfa".
                    policy.RequireClaim("amr", "mfa");
                }
            });

        // Keys live in the data directory on SQLite, in the database on PostgreSQL (shared by every instance), so
        // sign-ins and antiforgery tokens survive a restart and are valid on every instance.
        var dataProtection = services.AddDataProtection().SetApplicationName("FreeGpuPortal");
        if (PortalDatabase.ProviderFrom(builder.Configuration) == DatabaseProvider.PostgreSQL)
        {
            dataProtection.PersistKeysToDbContext<PostgreSqlAccountsDbContext>();
        }
        else
        {
            services.AddOptions<KeyManagementOptions>().Configure<DataDirectory, ILoggerFactory>((options, data, loggers) =>
                options.XmlRepository = new FileSystemXmlRepository(
                    Directory.CreateDirectory(Path.Combine(data.Path, "keys")), loggers));
        }

        // Reading the sign-in pages is free; each attempt (a POST) counts.
        services.Configure<RateLimiterOptions>(options => RateLimitingExtensions.AddPerIpFixedWindow(
            options, SignInRateLimitPolicy, builder.Configuration.GetSection("RateLimits:SignIn"),
            defaultPermits: 10, counts: context => HttpMethods.IsPost(context.Request.Method)));

        return builder;
    }

    /// <summary>How Identity shapes its tables; the design-time factory uses it too, so migrations match the app.</summary>
    public static void ConfigureStores(StoreOptions stores) => stores.SchemaVersion = IdentitySchemaVersions.Version3;

    public static async Task MigrateAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        await DatabaseStartupLock.RunAsync(services.GetRequiredService<PortalDatabase>(), async () =>
        {
            var factory = services.GetRequiredService<IDbContextFactory<AccountsDbContext>>();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }, cancellationToken);
}
