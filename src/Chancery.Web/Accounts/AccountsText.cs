using Chancery.Web.Common.Security;
namespace Chancery.Web.Accounts;

/// <summary>Marker for the Accounts module's words (AccountsText.resx / AccountsText.vi.resx).</summary>
public sealed class AccountsText;
