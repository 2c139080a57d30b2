using Mediator;

namespace Caicaini.Billing.Contracts;

/// <summary>The plan a user is on now (after any period rollover); null when the account is not open yet.</summary>
public sealed record GetAccountPlan(Guid UserId) : IQuery<AccountPlan?>;

/// <summary><see cref="IncludesCli"/>: whether the CLI and the API tokens may be used on this plan.</summary>
public sealed record AccountPlan(string PlanId, string PlanName, bool IncludesCli);
