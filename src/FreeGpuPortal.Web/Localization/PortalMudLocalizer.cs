using Microsoft.Extensions.Localization;

using MudBlazor;

namespace FreeGpuPortal.Web.Localization;

/// <summary>
/// MudBlazor's own texts (close buttons, numeric field steppers, "required"…) from the portal's resources, under
/// "Mud.{MudBlazor's key}". In English MudBlazor keeps its built-in texts; a key the resources lack does too.
/// </summary>
public sealed class PortalMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public const string KeyPrefix = "Mud.";

    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        if (PortalLanguages.Current == PortalLanguages.English)
        {
            return new LocalizedString(key, key, resourceNotFound: true);
        }

        var value = localizer[KeyPrefix + key, arguments];
        return new LocalizedString(key, value.Value, value.ResourceNotFound);
    }
}
