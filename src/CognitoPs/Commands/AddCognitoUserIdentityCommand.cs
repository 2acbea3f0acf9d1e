using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Links an identity of an external provider to an existing (native) user (AdminLinkProviderForUser): from then on that Google, SAML or OIDC user signs in as this user. At most 5 per user.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "CognitoUserIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminLinkProviderForUser))]
    public sealed class AddCognitoUserIdentityCommand : CognitoUserChangeCmdlet
    {
        /// <summary>The identity provider's name in the pool, e.g. Google or a SAML provider's name.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? ProviderName { get; set; }

        /// <summary>The user's id at the provider (its subject, as the provider's tokens carry it in sub).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [AllowNull]
        [AllowEmptyString]
        public string? ProviderUserId { get; set; }

        /// <summary>The provider attribute that identifies the user: Cognito_Subject (the default) or a SAML attribute.</summary>
        [Parameter]
        public string ProviderAttributeName { get; set; } = FederatedIdentity.SubjectAttribute;

        protected override string Activity => "Linking identities to Cognito users";

        protected override string Done => "linked";

        protected override string Verb => "link an identity to";

        protected override string Change => "IdentityLinked";

        protected override void Check(PendingUser user) => user.State = IdentityInput.Read(ProviderName, ProviderUserId, ProviderAttributeName);

        protected override string ActionFor(PendingUser user) => $"Link the {((FederatedIdentity)user.State!).ProviderName} identity '{((FederatedIdentity)user.State!).UserId}'";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminLinkProviderForUserAsync(user.UserPoolId!, user.Username!, (FederatedIdentity)user.State!, cancellationToken));
    }
}
