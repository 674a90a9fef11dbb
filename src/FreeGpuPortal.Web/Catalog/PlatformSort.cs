namespace FreeGpuPortal.Web.Catalog;

public sealed record PlatformSort(SortKey Key, bool Descending)
{
    public static readonly PlatformSort Default = new(SortKey.Name, false);

    public string ToParameter() => (Descending ? "-" : "") + PlatformQuery.SortKeyName(Key);
}
