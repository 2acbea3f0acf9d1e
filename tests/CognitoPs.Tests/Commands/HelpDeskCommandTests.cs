using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>The help desk's cmdlets in a hosted runspace, against a loopback server that answers as Cognito does.</summary>
    public sealed class HelpDeskCommandTests : IDisposable
    {
        private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        private readonly FakeHttpServer _server;
        private readonly HostedRunspace _host;

        public HelpDeskCommandTests()
        {
            _server = new FakeHttpServer(Answer);
            _host = new HostedRunspace(_server.Url);
        }

        public void Dispose()
        {
            _host.Dispose();
            _server.Dispose();
        }

        private static (int, string) Answer(CapturedRequest request)
        {
            using var body = JsonDocument.Parse(request.Body);
            var input = body.RootElement;
            switch (request.Target!.Split('.')[1])
            {
                case "DescribeUserPool":
                    return (200, "{\"UserPool\":{\"Id\":\"eu-west-1_Inv\",\"Policies\":{\"PasswordPolicy\":{\"TemporaryPasswordValidityDays\":3}}}}");
                case "ListUsers":
                    // Invited 1, 5 and 10 days ago; one confirmed long ago.
                    string User(string name, string status, int daysAgo) =>
                        $"{{\"Username\":\"{name}\",\"Enabled\":true,\"UserStatus\":\"{status}\",\"UserCreateDate\":{Now - (daysAgo * 86400)},\"UserLastModifiedDate\":{Now - (daysAgo * 86400)},\"Attributes\":[]}}";
                    var invited = new[] { User("fresh", "FORCE_CHANGE_PASSWORD", 1), User("stale", "FORCE_CHANGE_PASSWORD", 5), User("older", "FORCE_CHANGE_PASSWORD", 10) };
                    var filtered = input.TryGetProperty("Filter", out var filter) && filter.GetString() == "cognito:user_status = \"FORCE_CHANGE_PASSWORD\"";
                    return (200, "{\"Users\":[" + string.Join(",", filtered ? invited : invited.Append(User("member", "CONFIRMED", 40))) + "]}");
                case "AdminListUserAuthEvents":
                    // 100 events, newest first, one an hour; pages as large as asked.
                    var max = input.GetProperty("MaxResults").GetInt32();
                    var start = input.TryGetProperty("NextToken", out var token) ? int.Parse(token.GetString()!) : 0;
                    var events = Enumerable.Range(start, Math.Min(max, 100 - start))
                        .Select(i => $"{{\"EventId\":\"e{i}\",\"EventType\":\"SignIn\",\"CreationDate\":{Now - (3600 * (i + 1))},\"EventResponse\":\"Pass\"}}");
                    var next = start + max < 100 ? $",\"NextToken\":\"{start + max}\"" : "";
                    return (200, $"{{\"AuthEvents\":[{string.Join(",", events)}]{next}}}");
                default:
                    return (200, "{}");
            }
        }

        private string[] Sent(string operation) => _server.Requests.Where(r => r.Target!.EndsWith("." + operation, StringComparison.Ordinal)).Select(r => r.Body).ToArray();

        [Fact]
        public void InvitationExpiredReadsThePoolOnceSendsTheStatusFilterAndKeepsTheUsersPastTheValidity()
        {
            var result = _host.Run("1..2 | ForEach-Object { Get-CognitoUser -InvitationExpired -UserPoolId eu-west-1_Inv -EndpointUrl $url -Credential $cred } | ForEach-Object Username");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "stale", "older", "stale", "older" }, result.Output.Select(o => o.ToString()));
            Assert.Equal(2, Sent("DescribeUserPool").Length); // once per command (each run is its own command)
            Assert.All(Sent("ListUsers"), body => Assert.Equal("cognito:user_status = \"FORCE_CHANGE_PASSWORD\"", JsonDocument.Parse(body).RootElement.GetProperty("Filter").GetString()));
        }

        [Fact]
        public void AnEarlierCreatedBeforeNarrowsTheExpiredInvitationsFurther()
        {
            var result = _host.Run("Get-CognitoUser -InvitationExpired -CreatedBefore (Get-Date).AddDays(-7) -UserPoolId eu-west-1_Inv -EndpointUrl $url -Credential $cred | ForEach-Object Username");

            Assert.Equal(new[] { "older" }, result.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void InvitationExpiredWithAnotherStatusIsRefusedBeforeAnythingIsSent()
        {
            var result = _host.Run("Get-CognitoUser -InvitationExpired -Status CONFIRMED -UserPoolId eu-west-1_Inv -EndpointUrl $url -Credential $cred");

            Assert.Equal("ConflictingStatusFilter", result.Terminating!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public void AuthEventsAskForNoMoreThanFirstAndStopAtAfter()
        {
            var five = _host.Run("Get-CognitoUserAuthEvent bob -First 5 -UserPoolId eu-west-1_Inv -EndpointUrl $url -Credential $cred | ForEach-Object EventId");
            var maxResults = Sent("AdminListUserAuthEvents").Select(b => JsonDocument.Parse(b).RootElement.GetProperty("MaxResults").GetInt32()).ToArray();
            var recent = _host.Run("Get-CognitoUserAuthEvent bob -After (Get-Date).AddHours(-3.5) -UserPoolId eu-west-1_Inv -EndpointUrl $url -Credential $cred | ForEach-Object EventId");
            var all = _host.Run("(Get-CognitoUserAuthEvent bob -UserPoolId eu-west-1_Inv -EndpointUrl $url -Credential $cred).Count");

            Assert.Equal(new[] { "e0", "e1", "e2", "e3", "e4" }, five.Output.Select(o => o.ToString()));
            Assert.Equal(new[] { 5 }, maxResults);
            Assert.Equal(new[] { "e0", "e1", "e2" }, recent.Output.Select(o => o.ToString()));
            Assert.Equal(100, (int)all.Output.Single().BaseObject);
        }

        [Theory]
        [InlineData("Set-CognitoUserMfaPreference bob", "MfaSettingMissing")]
        [InlineData("Set-CognitoUserMfaPreference bob -Totp Preferred -Sms Preferred", "MoreThanOnePreferredMfa")]
        public void AnMfaPreferenceThatCannotBeSentIsRefusedBeforeAnythingIsSent(string command, string errorId)
        {
            var result = _host.Run(command + " -UserPoolId eu-west-1_Inv -EndpointUrl $url -Credential $cred");

            Assert.Equal(errorId, result.Terminating!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public void SetMfaPreferenceTakesNoEmailAliasForTheUserBecauseEmailIsTheMfaMethod()
        {
            var result = _host.Run("[pscustomobject]@{ Username = 'bob'; Email = 'bob@example.com' } | Set-CognitoUserMfaPreference -Email Enabled -UserPoolId eu-west-1_Inv -EndpointUrl $url -Credential $cred");

            Assert.Empty(result.Errors);
            var body = JsonDocument.Parse(Sent("AdminSetUserMFAPreference").Single()).RootElement;
            Assert.Equal("bob", body.GetProperty("Username").GetString());
            Assert.True(body.GetProperty("EmailMfaSettings").GetProperty("Enabled").GetBoolean());
        }
    }
}
