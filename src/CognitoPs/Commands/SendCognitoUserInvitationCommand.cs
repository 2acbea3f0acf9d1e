using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends users a new invitation (AdminCreateUser with MessageAction RESEND): a new temporary password, for users still in FORCE_CHANGE_PASSWORD whose invitation expired.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "CognitoUserInvitation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminCreateUser))]
    public sealed class SendCognitoUserInvitationCommand : CognitoUserChangeCmdlet
    {
        /// <summary>How to send it: Email, SMS, or both. Default: the pool's choice (SMS where the user has a phone number).</summary>
        [Parameter]
        public CognitoDeliveryMedium[]? DeliveryMedium { get; set; }

        protected override string Activity => "Sending Cognito invitations";

        protected override string Done => "invited";

        protected override string Verb => "send an invitation to";

        protected override string Change => "InvitationSent";

        protected override string ActionFor(PendingUser user) =>
            "Send a new invitation with a new temporary password" + (DeliveryMedium is { Length: > 0 } ? $" by {string.Join(" and ", DeliveryMedium.Distinct())}" : "");

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithReply(user.Client.AdminCreateUserAsync(new NewUserRequest(user.UserPoolId!, user.Username!)
            {
                MessageAction = "RESEND",
                DeliveryMediums = DeliveryMedium?.Distinct().Select(medium => medium.ToString().ToUpperInvariant()).ToArray() ?? Array.Empty<string>(),
            }, cancellationToken));
    }
}
