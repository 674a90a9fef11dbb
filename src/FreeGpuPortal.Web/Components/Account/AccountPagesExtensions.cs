using FreeGpuPortal.Web.Accounts;

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace FreeGpuPortal.Web.Components.Account;

public static class AccountPagesExtensions
{
    /// <summary>
    /// What the account pages and the interactive pages need from the UI side: the cascading authentication state, the
    /// revalidating state provider for circuits, the pages' redirect helper and the e-mail sender they call (SMTP when
    /// configured, otherwise one that sends nothing).
    /// The accounts feature itself (<see cref="AccountsExtensions.AddPortalAccounts"/>) knows nothing of components.
    /// </summary>
    public static IHostApplicationBuilder AddAccountPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        // Account e-mail only with an SMTP server configured; the pages offer e-mail features only then.
        var email = builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        builder.Services.AddSingleton(email);
        if (email.IsConfigured)
        {
            builder.Services.AddSingleton<IEmailSender<PortalUser>, SmtpEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IEmailSender<PortalUser>, IdentityNoOpEmailSender>();
        }

        return builder;
    }
}
