using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Signs Cognito users out of every device (AdminUserGlobalSignOut): their refresh tokens are revoked, so no new tokens can be obtained without signing in again.</para>
    /// </summary>
    [Cmdlet(VerbsSecurity.Revoke, "CognitoUserSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminUserGlobalSignOut))]
    public sealed class RevokeCognitoUserSessionCommand : CognitoUserChangeCmdlet
    {
        protected override string Activity => "Signing Cognito users out";

        protected override string Done => "signed out";

        protected override string Verb => "sign out";

        protected override string Change => "SignedOut";

        protected override string ActionFor(PendingUser user) => "Sign out of every device (revoke refresh tokens)";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminUserGlobalSignOutAsync(user.UserPoolId!, user.Username!, cancellationToken));
    }
}
