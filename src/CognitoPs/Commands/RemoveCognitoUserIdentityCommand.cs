using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Unlinks an identity of an external provider from a user (AdminDisableProviderForUser): it no longer signs in as that user. Pipe Get-CognitoUserIdentity's output.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CognitoUserIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminGetUser), nameof(CognitoOperation.AdminDisableProviderForUser))]
    public sealed class RemoveCognitoUserIdentityCommand : CognitoUserChangeCmdlet
    {
        /// <summary>The identity provider's name in the pool. Binds from Get-CognitoUserIdentity's ProviderName.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? ProviderName { get; set; }

        /// <summary>The user's id at the provider. Binds from Get-CognitoUserIdentity's UserId.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [AllowNull]
        [AllowEmptyString]
        public string? ProviderUserId { get; set; }

        protected override string Activity => "Unlinking identities from Cognito users";

        protected override string Done => "unlinked";

        protected override string Verb => "unlink an identity from";

        protected override string Change => "IdentityUnlinked";

        protected override void Check(PendingUser user) => user.State = IdentityInput.Read(ProviderName, ProviderUserId, FederatedIdentity.SubjectAttribute);

        protected override string ActionFor(PendingUser user) => $"Unlink the {((FederatedIdentity)user.State!).ProviderName} identity '{((FederatedIdentity)user.State!).UserId}'";

        /// <summary>AdminDisableProviderForUser names no user: check that the identity is this user's before unlinking it.</summary>
        protected override async Task<object?> Send(PendingUser user, CancellationToken cancellationToken)
        {
            var identity = (FederatedIdentity)user.State!;
            var current = await user.Client.AdminGetUserAsync(user.UserPoolId!, user.Username!, cancellationToken).ConfigureAwait(false);
            if (LinkedIdentityRecord.ReadAll(current)?.Any(linked => linked.Is(identity)) != true)
            {
                throw new IdentityNotLinkedException(identity, user.Username!, user.UserPoolId!);
            }

            await user.Client.AdminDisableProviderForUserAsync(user.UserPoolId!, user.Username!, identity, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
