using System.Reflection;

using Microsoft.Extensions.Options;

namespace FreeGpuPortal.Web.Hosting;

/// <summary>
/// Binds every options section of the portal (each *Options class with a Section) once, before the database is
/// touched: a value that does not convert (Backup:Schedule=daily, Backup:Keep=many) refuses the start then, not hours
/// later in the service that first reads it.
/// </summary>
public static class PortalOptionsCheck
{
    private static readonly Type[] s_optionsTypes = [.. typeof(PortalOptionsCheck).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && type.Name.EndsWith("Options", StringComparison.Ordinal)
            && type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true }
            && type.GetConstructor(Type.EmptyTypes) is not null)];

    /// <summary>The options classes checked: the portal's own configuration sections.</summary>
    public static IReadOnlyList<Type> OptionsTypes => s_optionsTypes;

    public static void ValidatePortalOptions(this IServiceProvider services)
    {
        foreach (var type in s_optionsTypes)
        {
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            _ = options.GetType().GetProperty(nameof(IOptions<>.Value))!.GetValue(options);
        }
    }
}
