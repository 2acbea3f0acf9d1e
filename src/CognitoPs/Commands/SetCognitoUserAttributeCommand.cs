using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using CognitoPs.Client;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets attributes of Cognito users (AdminUpdateUserAttributes): any attribute through -Attribute, the common ones through -Email, -GivenName and the like.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CognitoUserAttribute", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CognitoUserActionResult))]
    [CognitoOperations(nameof(CognitoOperation.AdminUpdateUserAttributes))]
    public sealed class SetCognitoUserAttributeCommand : CognitoUserChangeCmdlet
    {
        private IReadOnlyList<KeyValuePair<string, string>> _attributes = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>One or more user names. No Email alias here: -Email is the attribute to set.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("User")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [UsernameTransformation("Username", "User")]
        public override string?[]? Username { get => base.Username; set => base.Username = value; }

        /// <summary>Attributes to set, by name: @{ 'custom:team' = 'ops'; locale = 'de' }. Booleans become 'true' / 'false'.</summary>
        [Parameter]
        public IDictionary? Attribute { get; set; }

        // The shortcuts are taken from the command line only: a piped user object's own Email is its current value,
        // and sending it back would mark the address unverified.

        /// <summary>The email address (attribute email).</summary>
        [Parameter]
        public string? Email { get; set; }

        /// <summary>Whether the email address counts as verified (email_verified): -EmailVerified or -EmailVerified:$false.</summary>
        [Parameter]
        public SwitchParameter EmailVerified { get; set; }

        /// <summary>The phone number in E.164 form, e.g. +41441234567 (attribute phone_number).</summary>
        [Parameter]
        public string? PhoneNumber { get; set; }

        /// <summary>Whether the phone number counts as verified (phone_number_verified).</summary>
        [Parameter]
        public SwitchParameter PhoneNumberVerified { get; set; }

        /// <summary>The given (first) name (attribute given_name).</summary>
        [Parameter]
        public string? GivenName { get; set; }

        /// <summary>The family (last) name (attribute family_name).</summary>
        [Parameter]
        public string? FamilyName { get; set; }

        /// <summary>The full name (attribute name).</summary>
        [Parameter]
        public string? Name { get; set; }

        protected override string Activity => "Setting Cognito user attributes";

        protected override string Done => "updated";

        protected override string Verb => "set the attributes of";

        protected override string Change => "AttributesUpdated";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                var input = new AttributeInput(AttributeInput.FromTable(Attribute));
                input.AddShortcuts(Email, PhoneNumber, GivenName, FamilyName, Name);
                if (MyInvocation.BoundParameters.ContainsKey(nameof(EmailVerified)))
                {
                    input.AddFlag("email_verified", EmailVerified);
                }

                if (MyInvocation.BoundParameters.ContainsKey(nameof(PhoneNumberVerified)))
                {
                    input.AddFlag("phone_number_verified", PhoneNumberVerified);
                }

                _attributes = input.Attributes.Count > 0 ? input.Attributes
                    : throw new InputValidationException("AttributeMissing", "Name at least one attribute to set: -Attribute @{ name = value }, or -Email, -GivenName, …", null, terminating: true);
            }
            catch (InputValidationException ex)
            {
                Report(new InputValidationException(ex.ErrorId, ex.Message, ex.Target, terminating: true), "Cannot set attributes", null, UserPoolId, settingsShared: true);
            }
        }

        protected override string ActionFor(PendingUser user) => "Set attributes: " + string.Join(", ", Names());

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithoutReply(user.Client.AdminUpdateUserAttributesAsync(user.UserPoolId!, user.Username!, _attributes, cancellationToken));

        private IEnumerable<string> Names()
        {
            foreach (var attribute in _attributes)
            {
                yield return attribute.Key;
            }
        }
    }
}
