using System;
using System.Collections.Generic;
using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes attributes of Cognito users (AdminDeleteUserAttributes), e.g. a custom attribute or a phone number.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CognitoUserAttribute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminDeleteUserAttributes))]
    public sealed class RemoveCognitoUserAttributeCommand : CognitoUserChangeCmdlet
    {
        /// <summary>The attribute names to delete, e.g. 'custom:team', 'phone_number'.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        public string[] Name { get; set; } = Array.Empty<string>();

        protected override string Activity => "Removing Cognito user attributes";

        protected override string Done => "updated";

        protected override string Verb => "remove attributes of";

        protected override string Change => "AttributesRemoved";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                if (Name.Length == 0)
                {
                    throw new InputValidationException("AttributeMissing", "Name at least one attribute to remove.", null, terminating: true);
                }

                foreach (var name in Name)
                {
                    AttributeInput.CheckName(name, fromCommandLine: true);
                }
            }
            catch (InputValidationException ex)
            {
                Report(ex, "Cannot remove attributes", null, UserPoolId, settingsShared: true);
            }
        }

        protected override string ActionFor(PendingUser user) => "Delete attributes: " + string.Join(", ", Name);

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminDeleteUserAttributesAsync(user.UserPoolId!, user.Username!, (IReadOnlyList<string>)Name, cancellationToken));
    }
}
