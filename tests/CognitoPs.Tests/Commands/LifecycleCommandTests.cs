using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text.Json;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>The lifecycle cmdlets in a hosted runspace: what they send, what they write, what they refuse.</summary>
    public sealed class LifecycleCommandTests : IDisposable
    {
        private const string Pool = "eu-west-1_Life";
        private const string Marker = "Tmp-9f3e!Zq#Secret";
        private const string Connection = "-EndpointUrl $url -Credential $cred";
        private readonly FakeHttpServer _server;
        private readonly HostedRunspace _host;

        public LifecycleCommandTests()
        {
            _server = new FakeHttpServer(Answer);
            _host = new HostedRunspace(_server.Url);
            _host.SetVariable("tmp", Secrets.Secure(Marker));
        }

        public void Dispose()
        {
            _host.Dispose();
            _server.Dispose();
        }

        private static (int, string) Answer(CapturedRequest request)
        {
            using var body = JsonDocument.Parse(request.Body);
            if (request.Target!.EndsWith(".DescribeUserPool", StringComparison.Ordinal))
            {
                return (200, "{\"UserPool\":{\"Id\":\"eu-west-1_Life\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":12}}}}");
            }

            var user = body.RootElement.GetProperty("Username").GetString();
            if (user == "echo")
            {
                return (400, $"{{\"__type\":\"InvalidPasswordException\",\"message\":\"Password '{Marker}' does not conform to policy\"}}");
            }

            if (request.Target!.EndsWith(".AdminCreateUser", StringComparison.Ordinal))
            {
                var attributes = body.RootElement.TryGetProperty("UserAttributes", out var given) ? given.GetRawText() : "[]";
                return (200, $"{{\"User\":{{\"Username\":\"{user}\",\"Attributes\":{attributes},\"UserStatus\":\"FORCE_CHANGE_PASSWORD\",\"Enabled\":true,\"UserCreateDate\":1767225600}}}}");
            }

            return (200, "");
        }

        private List<(string Operation, JsonElement Body)> Sent() =>
            _server.Requests.Select(r => (r.Target!.Split('.')[1], JsonDocument.Parse(r.Body).RootElement)).ToList();

        private static Dictionary<string, string> Attributes(JsonElement body) =>
            body.GetProperty("UserAttributes").EnumerateArray().ToDictionary(a => a.GetProperty("Name").GetString()!, a => a.GetProperty("Value").GetString()!);

        [Theory]
        [InlineData("Disable-CognitoUser", "AdminDisableUser", "Disabled")]
        [InlineData("Enable-CognitoUser", "AdminEnableUser", "Enabled")]
        [InlineData("Remove-CognitoUser -Force", "AdminDeleteUser", "Removed")]
        [InlineData("Reset-CognitoUserPassword -Force", "AdminResetUserPassword", "PasswordReset")]
        [InlineData("Confirm-CognitoUser", "AdminConfirmSignUp", "Confirmed")]
        [InlineData("Revoke-CognitoUserSession", "AdminUserGlobalSignOut", "SignedOut")]
        public void EachCmdletSendsItsOperationPerUserAndPassThruWritesOneResultEach(string command, string operation, string action)
        {
            var result = _host.Run($"'alice','bob' | {command} -UserPoolId {Pool} -PassThru {Connection}");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { (operation, "alice"), (operation, "bob") }, Sent().Select(s => (s.Operation, s.Body.GetProperty("Username").GetString()!)));
            Assert.Equal(new[] { "alice", "bob" }, result.Output.Select(o => (string)o.Properties["Username"].Value));
            Assert.All(result.Output, o => Assert.Equal((action, Pool, "eu-west-1"), ((string)o.Properties["Action"].Value, (string)o.Properties["UserPoolId"].Value, (string)o.Properties["Region"].Value)));
            Assert.IsType<CognitoUserActionResult>(result.Output[0].BaseObject);
        }

        [Fact]
        public void WithoutPassThruTheyWriteNothing()
        {
            var result = _host.Run($"'alice' | Disable-CognitoUser -UserPoolId {Pool} {Connection}");

            Assert.Empty(result.Output);
            Assert.Single(_server.Requests);
        }

        [Theory]
        [InlineData("Remove-CognitoUser")]
        [InlineData("Reset-CognitoUserPassword")]
        public void HighImpactCmdletsAskFirstAndForceSkipsTheQuestion(string cmdlet)
        {
            // A hosted runspace has no UI: a confirmation prompt is answered "no", which makes it observable.
            _host.Run($"'alice' | {cmdlet} -UserPoolId {Pool} {Connection}");
            Assert.Empty(_server.Requests);

            _host.Run($"'alice' | {cmdlet} -UserPoolId {Pool} -Force {Connection}");
            Assert.Single(_server.Requests);

            _host.Run($"'alice' | {cmdlet} -UserPoolId {Pool} -Force -WhatIf {Connection}");
            Assert.Single(_server.Requests);
        }

        [Fact]
        public void NewCognitoUserMergesAttributeTheShortcutsAndCsvColumnsPerUser()
        {
            var result = _host.Run(
                "[pscustomobject]@{ Username = 'ann'; Email = 'ann@example.com'; GivenName = 'Ann'; PhoneNumber = '' }, " +
                "[pscustomobject]@{ Username = 'ben'; Email = ''; FamilyName = 'Ode' } | " +
                $"New-CognitoUser -UserPoolId {Pool} -Attribute @{{ 'custom:team' = 'ops'; 'custom:on' = $true }} -EmailVerified -DeliveryMedium Email, SMS, Email -MessageAction Suppress {Connection}");

            Assert.Empty(result.Errors);
            var sent = Sent();
            Assert.Equal(new Dictionary<string, string> { ["custom:team"] = "ops", ["custom:on"] = "true", ["email"] = "ann@example.com", ["given_name"] = "Ann", ["email_verified"] = "true" },
                Attributes(sent[0].Body));
            Assert.Equal(new Dictionary<string, string> { ["custom:team"] = "ops", ["custom:on"] = "true", ["family_name"] = "Ode", ["email_verified"] = "true" },
                Attributes(sent[1].Body)); // the pipeline-bound Email of ann did not stick to ben
            Assert.Equal("[\"EMAIL\",\"SMS\"]", sent[0].Body.GetProperty("DesiredDeliveryMediums").GetRawText());
            Assert.Equal("SUPPRESS", sent[0].Body.GetProperty("MessageAction").GetString());
            Assert.False(sent[0].Body.TryGetProperty("TemporaryPassword", out _));
            var ann = Assert.IsType<CognitoUser>(result.Output[0].BaseObject);
            Assert.Equal(("ann", "ann@example.com", Pool, "eu-west-1"), (ann.Username, ann.Email, ann.UserPoolId, ann.Region));
        }

        [Fact]
        public void NewCognitoUserRefusesConflictingValuesForThatUserOnly()
        {
            var result = _host.Run(
                "[pscustomobject]@{ Username = 'ann'; Email = 'other@example.com' }, [pscustomobject]@{ Username = 'ben'; Email = 'ben@example.com' } | " +
                $"New-CognitoUser -UserPoolId {Pool} -Attribute @{{ email = 'ben@example.com' }} {Connection}");

            var error = Assert.Single(result.Errors);
            Assert.Equal(("ConflictingAttributeValues,CognitoPs.Commands.NewCognitoUserCommand", (object)"ann"), (error.FullyQualifiedErrorId, error.TargetObject));
            Assert.Equal("ben", Assert.Single(Sent()).Body.GetProperty("Username").GetString());
        }

        [Theory]
        [InlineData("New-CognitoUser -Attribute @{ 'has space' = 'x' }", "InvalidAttributeName")]
        [InlineData("New-CognitoUser -Attribute @{ ('a' * 33) = 'x' }", "InvalidAttributeName")]
        [InlineData("New-CognitoUser -Attribute @{ locale = $null }", "AttributeValueMissing")]
        [InlineData("New-CognitoUser -TemporaryPassword (New-Object SecureString)", "PasswordEmpty")]
        [InlineData("Set-CognitoUserAttribute", "AttributeMissing")]
        [InlineData("Set-CognitoUserAttribute -Attribute @{ '' = 'x' }", "InvalidAttributeName")]
        [InlineData("Set-CognitoUserAttribute -Email a@example.com -Attribute @{ email = 'b@example.com' }", "ConflictingAttributeValues")]
        [InlineData("Remove-CognitoUserAttribute -Name 'bad name'", "InvalidAttributeName")]
        public void BadCommandLineValuesStopBeforeAnyRequest(string command, string errorId)
        {
            var result = _host.Run($"'alice','bob' | {command} -UserPoolId {Pool} {Connection}");

            Assert.Equal(errorId, result.Terminating?.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, result.Terminating!.CategoryInfo.Category);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public void SetCognitoUserAttributeSendsTheShortcutsAndVerifiedFlags()
        {
            _host.Run($"'alice' | Set-CognitoUserAttribute -UserPoolId {Pool} -Email a@example.com -EmailVerified -PhoneNumberVerified:$false -Attribute @{{ locale = 'de' }} {Connection}");

            Assert.Equal(new Dictionary<string, string> { ["locale"] = "de", ["email"] = "a@example.com", ["email_verified"] = "true", ["phone_number_verified"] = "false" },
                Attributes(Assert.Single(Sent()).Body));
        }

        [Fact]
        public void SetCognitoUserAttributeDoesNotTakeEmailFromPipedObjects()
        {
            var result = _host.Run($"[pscustomobject]@{{ Username = 'alice'; Email = 'current@example.com' }} | Set-CognitoUserAttribute -UserPoolId {Pool} -Attribute @{{ locale = 'de' }} {Connection}");

            Assert.Empty(result.Errors);
            Assert.Equal(new Dictionary<string, string> { ["locale"] = "de" }, Attributes(Assert.Single(Sent()).Body));
        }

        [Fact]
        public void RemoveCognitoUserAttributeSendsTheNames()
        {
            _host.Run($"Remove-CognitoUserAttribute alice 'custom:team', phone_number -UserPoolId {Pool} {Connection}");

            Assert.Equal("[\"custom:team\",\"phone_number\"]", Assert.Single(Sent()).Body.GetProperty("UserAttributeNames").GetRawText());
        }

        [Fact]
        public void NewCognitoUserGeneratePasswordReturnsItOnlyInTheOutputObject()
        {
            var result = _host.Run($"'ann','ben' | New-CognitoUser -UserPoolId {Pool} -GeneratePassword -MessageAction Suppress -Verbose -Debug {Connection}");

            var creates = Sent().Where(s => s.Operation == "AdminCreateUser").ToList();
            Assert.Equal(2, creates.Count);
            foreach (var (output, sent) in result.Output.Zip(creates))
            {
                var password = Assert.IsType<SecureString>(output.Properties["TemporaryPassword"].Value);
                var plain = PasswordGeneratorTests.Reveal(password);
                Assert.Equal(sent.Body.GetProperty("TemporaryPassword").GetString(), plain);
                Assert.All(result.Messages, m => Assert.DoesNotContain(plain, m));
            }
        }

        [Fact]
        public void TheTemporaryPasswordAppearsInNoStreamRecordOrException()
        {
            var result = _host.Run(
                $"'ann','echo' | New-CognitoUser -UserPoolId {Pool} -TemporaryPassword $tmp -MessageAction Suppress -Verbose -Debug {Connection}; " +
                $"'cid' | New-CognitoUser -UserPoolId {Pool} -TemporaryPassword $tmp -WhatIf -Verbose {Connection}");

            Assert.Equal("InvalidPassword", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
            var everything = result.Messages
                .Concat(result.Output.Select(o => string.Join("|", o.Properties.Select(p => $"{p.Name}={p.Value}"))))
                .Concat(result.Errors.SelectMany(e => new[] { e.ToString(), e.Exception.ToString(), e.ErrorDetails?.Message ?? "", $"{e.TargetObject}" }));
            Assert.All(everything, text => Assert.DoesNotContain(Marker, text));
            Assert.Contains(_server.Requests, r => r.Body.Contains(Marker)); // it did reach the server
        }

        [Fact]
        public void NewCognitoUserRefusesAnObjectWithoutAUserNameInsteadOfUsingItsEmail()
        {
            var result = _host.Run($"[pscustomobject]@{{ Email = 'ann@example.com' }}, 'ben' | New-CognitoUser -UserPoolId {Pool} -MessageAction Suppress {Connection}");

            Assert.Equal("ParameterArgumentTransformationError", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal("ben", Assert.Single(Sent()).Body.GetProperty("Username").GetString());
        }
    }
}
