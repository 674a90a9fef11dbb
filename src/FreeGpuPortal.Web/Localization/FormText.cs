using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Localization;

/// <summary>
/// Validation messages and display names of the account forms' input models, in the page's language.
/// <para>
/// Blazor's <c>DataAnnotationsValidator</c> (static SSR in .NET 10) validates with <c>System.ComponentModel.DataAnnotations</c>
/// alone: MVC's <c>AddDataAnnotationsLocalization</c> does not reach it. What does is the attributes' own resource
/// lookup: <c>ErrorMessageResourceType</c> and <c>[Display(ResourceType = …)]</c> read a public static property of
/// that type each time a message or name is needed. These properties read the shared resources in the current UI
/// culture, which the request's language has set. The attributes name them with <c>nameof</c>.
/// </para>
/// </summary>
public static class FormText
{
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
        .Create(typeof(SharedResource));

    // Messages: {0} is the field's display name, as DataAnnotations formats them.
    public static string Required => Text("Validation.Required");

    public static string EmailAddress => Text("Validation.EmailAddress");

    public static string LengthBetween => Text("Validation.LengthBetween");

    public static string MaximumLength => Text("Validation.MaximumLength");

    public static string PasswordsDiffer => Text("Validation.PasswordsDiffer");

    // Display names.
    public static string Email => Text("Account.Email");

    public static string Password => Text("Account.Password");

    public static string RememberMe => Text("Account.Login.RememberMe");

    public static string CurrentPassword => Text("Account.Field.CurrentPassword");

    public static string NewPassword => Text("Account.Field.NewPassword");

    public static string ConfirmNewPassword => Text("Account.Field.ConfirmNewPassword");

    public static string ConfirmPassword => Text("Account.Field.ConfirmPassword");

    public static string AuthenticatorCode => Text("Account.Field.AuthenticatorCode");

    public static string RememberMachine => Text("Account.Field.RememberMachine");

    public static string RecoveryCode => Text("Account.Field.RecoveryCode");

    public static string VerificationCode => Text("Account.Authenticator.Code");

    public static string NewEmail => Text("Account.Manage.Email.New");

    public static string PasskeyName => Text("Account.Field.PasskeyName");

    private static string Text(string key) => Localizer[key].Value;
}
