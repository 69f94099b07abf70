namespace MediconGlobal.Web.Resources;

/// <summary>
/// Marker for the shared UI strings. Views ask <c>IStringLocalizer&lt;SharedResource&gt;</c> for every text; the
/// English text is the key, and Swedish and Danish come as <c>SharedResource.sv.resx</c> / <c>.da.resx</c>.
/// </summary>
public sealed class SharedResource;
