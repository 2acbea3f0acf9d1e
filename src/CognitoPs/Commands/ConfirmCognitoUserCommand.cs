using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Confirms self-signed-up Cognito users (AdminConfirmSignUp): UNCONFIRMED becomes CONFIRMED, without the code the user was sent.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Confirm, "CognitoUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminConfirmSignUp))]
    public sealed class ConfirmCognitoUserCommand : CognitoUserChangeCmdlet
    {
        protected override string Activity => "Confirming Cognito users";

        protected override string Done => "confirmed";

        protected override string Verb => "confirm";

        protected override string Change => "Confirmed";

        protected override string ActionFor(PendingUser user) => "Confirm sign-up";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminConfirmSignUpAsync(user.UserPoolId!, user.Username!, cancellationToken));
    }
}
