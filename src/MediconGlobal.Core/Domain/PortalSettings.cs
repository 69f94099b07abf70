namespace MediconGlobal.Core.Domain;

/// <summary>
/// Settings of the whole portal that project managers change in the portal (issue 19): one row, created on the first
/// save (until then the defaults below apply), audited like every entity.
/// </summary>
public class PortalSettings : Entity
{
    /// <summary>The response promise of an organisation that has not stated one: ten working days, two weeks as before.</summary>
    public const int DefaultAnswerWorkingDaysInitially = 10;

    /// <summary>How many working days an organisation without its own promise is expected to need to answer a referral.</summary>
    public int DefaultAnswerWorkingDays { get; private set; } = DefaultAnswerWorkingDaysInitially;

    /// <summary>Sets the portal's default response promise; refuses a value outside the promise's range.</summary>
    public void SetDefaultAnswerWorkingDays(int workingDays)
    {
        ResponsePromise.Require(workingDays);
        DefaultAnswerWorkingDays = workingDays;
    }
}

/// <summary>The range of a response promise, in working days (issue 19 item 1): one day to six weeks.</summary>
public static class ResponsePromise
{
    public const int MinWorkingDays = 1;

    public const int MaxWorkingDays = 30;

    /// <summary>Whether <paramref name="workingDays"/> is a promise the portal accepts.</summary>
    public static bool IsValid(int workingDays) => workingDays is >= MinWorkingDays and <= MaxWorkingDays;

    /// <summary>Throws <see cref="DomainRuleException"/> unless <see cref="IsValid"/>.</summary>
    public static void Require(int workingDays)
    {
        if (!IsValid(workingDays))
        {
            throw new DomainRuleException("A response promise is between 1 and 30 working days.");
        }
    }
}
