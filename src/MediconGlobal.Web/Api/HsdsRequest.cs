using System.Globalization;
using System.Text.Json;
using MediconGlobal.Core.OpenData;

namespace MediconGlobal.Web.Api;

/// <summary>
/// Reads the values of an HSDS request's query parameters (their names were checked against the endpoint's
/// <see cref="HsdsParameterList"/> already) and answers a list in the asked <c>format</c>. A malformed or out-of-range
/// value is a problem naming the parameter; the request is then answered with a 400 problem and nothing else.
/// </summary>
internal sealed class HsdsRequest(HttpRequest request)
{
    private const string NdJson = "ndjson";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly IQueryCollection _query = request.Query;

    public Dictionary<string, string[]> Problems { get; } = [];

    /// <summary>A boolean parameter: absent or <c>false</c> is false, <c>true</c> is true (OpenAPI's query booleans).</summary>
    public bool Flag(HsdsParameter parameter)
    {
        var value = _query[parameter.Name].ToString();
        if (value.Length == 0 || bool.TryParse(value, out var flag) && !flag)
        {
            return false;
        }

        if (bool.TryParse(value, out flag))
        {
            return true;
        }

        Problems[parameter.Name] = [$"{parameter.Name} must be true or false."];
        return false;
    }

    /// <summary>
    /// Answers a list: the HSDS page envelope as JSON, or with <c>format=ndjson</c> every result, one JSON object a line
    /// (<c>application/x-ndjson</c>), read a page of <see cref="HsdsQuery.MaxPerPage"/> at a time.
    /// </summary>
    public async Task<IResult> ListAsync<T>(Func<HsdsQuery, Task<HsdsPage<T>>> list)
    {
        var format = Text(HsdsParameters.Format.Name)?.ToLowerInvariant() ?? "json";
        if (format is not ("json" or NdJson))
        {
            Problems[HsdsParameters.Format.Name] = ["format must be json or ndjson."];
        }

        if (format == NdJson)
        {
            foreach (var paging in new[] { HsdsParameters.Page, HsdsParameters.PerPage }.Where(p => _query.ContainsKey(p.Name)))
            {
                Problems[paging.Name] = [$"{paging.Name} cannot be used with format=ndjson, which returns every result."];
            }
        }

        var query = Query();
        if (Problems.Count > 0)
        {
            return Results.ValidationProblem(Problems);
        }

        if (format != NdJson)
        {
            return HsdsEndpoints.Json(await list(query));
        }

        request.HttpContext.Response.Headers.ContentDisposition = "attachment; filename=\"api.ndjson\"";
        return Results.Stream(async body =>
        {
            for (var page = 1; ; page++)
            {
                var result = await list(query with { Page = page, PerPage = HsdsQuery.MaxPerPage });
                foreach (var item in result.Contents)
                {
                    await JsonSerializer.SerializeAsync(body, item, HsdsJson.Options, request.HttpContext.RequestAborted);
                    await body.WriteAsync(NewLine, request.HttpContext.RequestAborted);
                }

                if (result.LastPage)
                {
                    return;
                }
            }
        }, "application/x-ndjson; charset=utf-8");
    }

    private HsdsQuery Query()
    {
        DateTime? modifiedAfter = null;
        if (Text(HsdsParameters.ModifiedAfter.Name) is { } after)
        {
            if (!DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                Problems["modified_after"] = ["modified_after must be a date and time such as 2026-01-31T00:00:00Z."];
            }
            else if (!Core.Domain.CalendarDates.Contains(parsed))
            {
                Problems["modified_after"] = [$"modified_after must be between {Core.Domain.CalendarDates.EarliestText} and {Core.Domain.CalendarDates.LatestText}."];
            }
            else
            {
                modifiedAfter = parsed.UtcDateTime;
            }
        }

        var perPage = Number(HsdsParameters.PerPage, HsdsQuery.MaxPerPage) ?? HsdsQuery.DefaultPerPage;
        var page = Number(HsdsParameters.Page, HsdsQuery.MaxPage(perPage)) ?? 1;
        return new HsdsQuery(
            Text(HsdsParameters.Search.Name), Text(HsdsParameters.TaxonomyTermId.Name), modifiedAfter, Text(HsdsParameters.OrganizationId.Name),
            Text(HsdsParameters.TaxonomyId.Name), page, perPage, Flag(HsdsParameters.TopOnly), Text(HsdsParameters.ParentId.Name));
    }

    private int? Number(HsdsParameter parameter, int max)
    {
        var text = _query[parameter.Name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max)
        {
            return value;
        }

        Problems[parameter.Name] = [string.Create(CultureInfo.InvariantCulture, $"{parameter.Name} must be a whole number from 1 to {max}.")];
        return null;
    }

    private string? Text(string name) => string.IsNullOrWhiteSpace(_query[name]) ? null : _query[name].ToString().Trim();
}
