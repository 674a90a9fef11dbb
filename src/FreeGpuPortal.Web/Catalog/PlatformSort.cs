namespace FreeGpuPortal.Web.Catalog;

public sealed record PlatformSort(SortKey Key, bool Descending)
{
    public static readonly PlatformSort Default = new(SortKey.ByName, false);

    public string ToParameter() => (Descending ? "-" : "") + Key.Name;
}
