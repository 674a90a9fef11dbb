using System.Security.Claims;

using FreeGpuPortal.Web.Data;
using FreeGpuPortal.Web.Hosting;

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FreeGpuPortal.Web.Accounts;

public static class AccountsExtensions
{
    /// <summary>The sign-in pages whose failed attempts <see cref="SignInThrottle"/> counts.</summary>
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
        services.AddScoped<AdminAuthority>();

        services.AddPortalDbContextFactory<AccountsDbContext, PostgreSqlAccountsDbContext>(
            builder.Configuration,
            (provider, options) => provider.GetRequiredService<PortalDatabase>().Use(options, AccountsDbContext.MigrationsHistoryTable));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck<AccountsDbContext>>("accounts-database");
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
            .AddPasswordValidator<PasswordRules>()
            .AddErrorDescriber<PortalIdentityErrorDescriber>();

        // Every cookie the app sets: not readable by scripts, only over HTTPS outside Development, never sent on
        // cross-site requests. (Development runs over plain HTTP too.)
        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        // Path "/" on every cookie: a sign-in (or form token) made on a Chinese page under /zh-CN/, whose path base
        // would otherwise become the cookie's path, holds on the English pages too, and the other way round.
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Path = "/";
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
                options.Cookie.Path = "/";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = securePolicy;
            });
        }

        services.AddAntiforgery(options =>
        {
            options.Cookie.Path = "/";
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

        // Only failed attempts count against an address (see SignInThrottle).
        services.AddSingleton<SignInThrottle>();

        return builder;
    }

    /// <summary>
    /// Refuses a sign-in attempt (a POST to a sign-in page) from an address that has used up its failed attempts, with
    /// the 429 page saying when to try again, before the password or code is even checked.
    /// </summary>
    public static IApplicationBuilder UseSignInThrottle(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && SignInPages.Any(page => context.Request.Path.Equals(page, StringComparison.OrdinalIgnoreCase))
                && context.RequestServices.GetRequiredService<SignInThrottle>().IsBlocked(SignInThrottle.AddressOf(context), out var retryAfter))
            {
                context.RequestServices.GetService<Operations.PortalMetrics>()?.RateLimitRejected("sign-in");
                await TooManyRequestsPage.WriteAsync(context, (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)));
                return;
            }

            await next(context);
        });

    /// <summary>How Identity shapes its tables; the design-time factory uses it too, so migrations match the app.</summary>
    public static void ConfigureStores(StoreOptions stores) => stores.SchemaVersion = IdentitySchemaVersions.Version3;

    public static async Task MigrateAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        await DatabaseStartupLock.RunAsync(services.GetRequiredService<PortalDatabase>(), async () =>
        {
            var factory = services.GetRequiredService<IDbContextFactory<AccountsDbContext>>();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.ApplyMigrationsAsync(cancellationToken);
        }, cancellationToken);
}
