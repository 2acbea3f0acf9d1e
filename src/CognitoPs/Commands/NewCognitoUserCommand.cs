using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates Cognito users (AdminCreateUser) and writes each one as it was created, ready to pipe on.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CognitoUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InvitationSet)]
    [OutputType(typeof(CognitoUser))]
    [CognitoOperations(nameof(CognitoOperation.AdminCreateUser), Occasional = new[] { nameof(CognitoOperation.DescribeUserPool) })]
    public sealed class NewCognitoUserCommand : CognitoUserActionCmdlet
    {
        private const string InvitationSet = "Invitation";
        private const string GivenPasswordSet = "TemporaryPassword";
        private const string GeneratedPasswordSet = "GeneratePassword";
        private readonly GeneratedPasswords _generated = new GeneratedPasswords();
        private IReadOnlyList<KeyValuePair<string, string>> _commandLineAttributes = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>The new users' names. An object without a Username (or User) property is refused rather than guessed.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("User")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [UsernameTransformation("Username", "User")]
        public override string?[]? Username { get => base.Username; set => base.Username = value; }

        /// <summary>Attributes by name, for every user created: @{ 'custom:team' = 'ops'; locale = 'de' }.</summary>
        [Parameter]
        public IDictionary? Attribute { get; set; }

        /// <summary>
        /// This user's attributes by name. Binds from a piped CognitoUser's Attributes, so Get-CognitoUser | New-CognitoUser copies
        /// users to another pool; the attributes Cognito sets itself (sub, identities, cognito:*) are left out.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Attributes")]
        [AllowNull]
        public IDictionary? UserAttributes { get; set; }

        /// <summary>The email address (attribute email). Binds from an Email column or property; an empty cell means none.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Email { get; set; }

        /// <summary>Mark the email address as verified (email_verified), so Cognito can send to it and it can be a sign-in alias.</summary>
        [Parameter]
        public SwitchParameter EmailVerified { get; set; }

        /// <summary>The phone number in E.164 form, e.g. +41441234567 (attribute phone_number).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? PhoneNumber { get; set; }

        /// <summary>Mark the phone number as verified (phone_number_verified).</summary>
        [Parameter]
        public SwitchParameter PhoneNumberVerified { get; set; }

        /// <summary>The given (first) name (attribute given_name).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? GivenName { get; set; }

        /// <summary>The family (last) name (attribute family_name).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FamilyName { get; set; }

        /// <summary>The full name (attribute name).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>The temporary password the users sign in with first (FORCE_CHANGE_PASSWORD). Without it, Cognito makes one and sends it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GivenPasswordSet)]
        public SecureString TemporaryPassword { get; set; } = null!;

        /// <summary>A unique random temporary password per user that meets the pool's policy; returned only in the output object's TemporaryPassword.</summary>
        [Parameter(Mandatory = true, ParameterSetName = GeneratedPasswordSet)]
        public SwitchParameter GeneratePassword { get; set; }

        /// <summary>Suppress: send no invitation. Resend: send the invitation again to an existing user who has not signed in yet.</summary>
        [Parameter]
        public CognitoMessageAction? MessageAction { get; set; }

        /// <summary>How the invitation is sent: Email, SMS, or both (Cognito's default is SMS).</summary>
        [Parameter]
        public CognitoDeliveryMedium[]? DeliveryMedium { get; set; }

        /// <summary>Move an email or phone alias that another user holds to the new user (otherwise: AliasExists).</summary>
        [Parameter]
        public SwitchParameter ForceAliasCreation { get; set; }

        protected override string Activity => "Creating Cognito users";

        protected override string Done => "created";

        protected override string Verb => "create";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                _commandLineAttributes = AttributeInput.FromTable(Attribute);
                if (ParameterSetName == GivenPasswordSet)
                {
                    InputValidation.CheckPassword(TemporaryPassword);
                }
            }
            catch (InputValidationException ex)
            {
                Report(ex, "Cannot create users", null, UserPoolId, settingsShared: true);
            }
        }

        protected override string ActionFor(PendingUser user) => MessageAction == CognitoMessageAction.Resend ? "Resend invitation" : "Create user";

        /// <summary>The attributes of this user: -Attribute, then the shortcuts this input object brought.</summary>
        protected override void Check(PendingUser user)
        {
            var input = new AttributeInput(_commandLineAttributes);
            input.AddWritable(UserAttributes);
            input.AddShortcuts(Email, PhoneNumber, GivenName, FamilyName, Name);
            if (EmailVerified)
            {
                input.AddFlag("email_verified", true);
            }

            if (PhoneNumberVerified)
            {
                input.AddFlag("phone_number_verified", true);
            }

            user.State = new NewUserRequest(user.UserPoolId!, user.Username!)
            {
                Attributes = input.Attributes,
                MessageAction = MessageAction?.ToString().ToUpperInvariant(),
                DeliveryMediums = DeliveryMedium?.Distinct().Select(m => m.ToString().ToUpperInvariant()).ToArray() ?? Array.Empty<string>(),
                ForceAliasCreation = ForceAliasCreation,
            };
        }

        protected override void Prepare(PendingUser user)
        {
            var request = (NewUserRequest)user.State!;
            request.TemporaryPassword = GeneratePassword ? _generated.For(user.Client, user.UserPoolId!, Await, StopToken)
                : ParameterSetName == GivenPasswordSet ? TemporaryPassword
                : null;
        }

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithReply(user.Client.AdminCreateUserAsync((NewUserRequest)user.State!, cancellationToken));

        protected override object? Output(PendingUser user, object? reply) =>
            new CognitoUser((UserRecord)reply!, user.UserPoolId!, user.Client.Region, user.EndpointUrl) { TemporaryPassword = Generated(user) };

        protected override void Release(PendingUser user) => Generated(user)?.Dispose();

        private SecureString? Generated(PendingUser user) => GeneratePassword ? (user.State as NewUserRequest)?.TemporaryPassword : null;
    }
}
