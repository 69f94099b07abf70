using System.Linq.Expressions;

namespace MediconGlobal.Core.Domain;

/// <summary>
/// The brief's named rules as query filters (ADR 1900). Each rule is one expression declared beside its entity
/// (<see cref="Offer.Published"/>, <see cref="Need.Active"/>, <see cref="Referral.OverdueAt"/>...); the entity's
/// own property is compiled from the same expression, and every query filters through these methods, so SQL and
/// C# cannot disagree. <c>OneRuleTests</c> fails when a rule's inline form appears anywhere else in <c>src</c>.
/// </summary>
public static class Rules
{
    /// <summary>Offers that are <see cref="Offer.Published"/>.</summary>
    public static IQueryable<Offer> Published(this IQueryable<Offer> offers) => offers.Where(Offer.Published);

    /// <summary>Offers that are <see cref="Offer.OpenOn"/> <paramref name="day"/> (deadline and end date not passed, not lapsed from verification).</summary>
    public static IQueryable<Offer> OpenOn(this IQueryable<Offer> offers, OfferDay day) => offers.Where(Offer.OpenOn(day));

    /// <summary>Needs that are <see cref="Need.Open"/>.</summary>
    public static IQueryable<Need> Open(this IQueryable<Need> needs) => needs.Where(Need.Open);

    /// <summary>Needs that are <see cref="Need.Active"/>.</summary>
    public static IQueryable<Need> Active(this IQueryable<Need> needs) => needs.Where(Need.Active);

    /// <summary>Referrals that are overdue at <paramref name="now"/> (UTC, <see cref="Referral.OverdueAt"/>).</summary>
    public static IQueryable<Referral> Overdue(this IQueryable<Referral> referrals, DateTime now) => referrals.Where(Referral.OverdueAt(now));

    /// <summary>Either predicate holds: a rule widened by a condition of one query, still one SQL filter.</summary>
    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> rule, Expression<Func<T, bool>> other)
    {
        var body = new Substitution(other.Parameters[0], rule.Parameters[0]).Visit(other.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(rule.Body, body), rule.Parameters[0]);
    }

    /// <summary>
    /// Binds a rule's second parameter to <paramref name="value"/> as a captured value, so EF sends it as a SQL
    /// parameter (one cached query plan for every value) rather than as a constant.
    /// </summary>
    internal static Expression<Func<T, bool>> Bind<T, TArg>(Expression<Func<T, TArg, bool>> rule, TArg value)
    {
        var captured = Expression.Property(Expression.Constant(new Captured<TArg>(value)), nameof(Captured<TArg>.Value));
        var body = new Substitution(rule.Parameters[1], captured).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, rule.Parameters[0]);
    }

    private sealed record Captured<TValue>(TValue Value);

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
