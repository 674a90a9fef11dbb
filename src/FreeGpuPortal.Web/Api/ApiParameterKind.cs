namespace FreeGpuPortal.Web.Api;

public enum ApiParameterKind
{
    Text,
    Number,
    Choice,
    CommaList,
}
