using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MediconGlobal.Core.Data;

/// <summary>
/// The one rule for lists sorted by a name (issue 13 item 4, docs/data-quality.md, ADR 1302): names follow the
/// current UI culture's collation — Swedish …Z, Å, Ä, Ö; Danish …Z, Æ, Ø, Å; English with Å, Ä, Æ beside A — and
/// letter case does not split the list ("eHealth" sorts among the E's, not after "Zealand"). The database sorts, in
/// SQL, through a collation named per language: on PostgreSQL an ICU collation the migration
/// <c>20261217000001_NameCollations</c> creates, on SQLite a collation registered on every connection EF opens
/// (<see cref="SqliteCollations"/>) that compares with .NET's ICU, on SQL Server the built-in Windows collation of
/// the language. Lists put together in memory use <see cref="Comparer"/>, the same ICU rule.
/// </summary>
public static class NameOrder
{
    /// <summary>The languages whose collation the portal knows; any other UI culture sorts as English.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "sv", "da"];

    private static readonly MethodInfo CollateMethod = typeof(RelationalDbFunctionsExtensions)
        .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));

    /// <summary>"sv", "da" or "en": the collation language of <paramref name="culture"/> (the current UI culture when null).</summary>
    public static string Language(CultureInfo? culture = null)
    {
        var language = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName;
        return Languages.Contains(language) ? language : "en";
    }

    /// <summary>The collation's name on PostgreSQL and SQLite: "names_sv", "names_da", "names_en".</summary>
    public static string CollationName(string language) => "names_" + language;

    /// <summary>The collation of the current UI culture's language on the database behind <paramref name="database"/>.</summary>
    public static string Collation(DatabaseFacade database, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var language = Language(culture);
        return database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer"
            ? language switch
            {
                "sv" => "Finnish_Swedish_100_CI_AS",
                "da" => "Danish_Norwegian_100_CI_AS",
                _ => "Latin1_General_100_CI_AS",
            }
            : CollationName(language);
    }

    /// <summary>Names compared as the database's collation of the same language compares them, for lists sorted in memory.</summary>
    public static StringComparer Comparer(CultureInfo? culture = null) =>
        StringComparer.Create(CultureInfo.GetCultureInfo(Language(culture)), CompareOptions.None);

    /// <summary>Orders <paramref name="source"/> by the name <paramref name="name"/> selects, in the database, by the rule above.</summary>
    public static IOrderedQueryable<T> OrderByName<T>(this IQueryable<T> source, Expression<Func<T, string?>> name, DbContext db) =>
        source.OrderBy(Collated(name, db));

    /// <summary>As <see cref="OrderByName{T}"/>, as a later sort key.</summary>
    public static IOrderedQueryable<T> ThenByName<T>(this IOrderedQueryable<T> source, Expression<Func<T, string?>> name, DbContext db) =>
        source.ThenBy(Collated(name, db));

    /// <summary>The name wrapped in <c>EF.Functions.Collate(name, collation)</c>: <c>ORDER BY "Name" COLLATE names_sv</c>.</summary>
    private static Expression<Func<T, string?>> Collated<T>(Expression<Func<T, string?>> name, DbContext db)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(db);
        var collated = Expression.Call(CollateMethod, Expression.Constant(EF.Functions), name.Body, Expression.Constant(Collation(db.Database)));
        return Expression.Lambda<Func<T, string?>>(collated, name.Parameters);
    }

    /// <summary>
    /// Registers the portal's name collations on every SQLite connection EF opens (SQLite knows only BINARY, NOCASE
    /// and RTRIM itself): each compares with .NET's ICU collation of its language, as <see cref="Comparer"/> does.
    /// </summary>
    public sealed class SqliteCollations : DbConnectionInterceptor
    {
        public static readonly SqliteCollations Instance = new();

        private static readonly IReadOnlyList<(string Name, CompareInfo Compare)> Collations =
            Languages.Select(l => (CollationName(l), CultureInfo.GetCultureInfo(l).CompareInfo)).ToList();

        private SqliteCollations()
        {
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Register(connection);
            return Task.CompletedTask;
        }

        private static void Register(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
            {
                foreach (var (name, compare) in Collations)
                {
                    sqlite.CreateCollation(name, (x, y) => compare.Compare(x, y, CompareOptions.None));
                }
            }
        }
    }
}
