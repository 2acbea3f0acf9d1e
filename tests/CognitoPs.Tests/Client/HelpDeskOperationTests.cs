using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>What the help desk's operations send and how their answers read, as the Cognito API reference has them.</summary>
    public class HelpDeskOperationTests
    {
        private const string Pool = "eu-west-1_Ab12";

        private sealed class Handler : HttpMessageHandler
        {
            private readonly Func<string, int, HttpResponseMessage> _answer;

            public Handler(Func<string, int, HttpResponseMessage> answer) => _answer = answer;

            public List<(string Operation, JsonElement Body)> Sent { get; } = new List<(string, JsonElement)>();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var operation = request.Headers.GetValues("X-Amz-Target").Single().Split('.')[1];
                Sent.Add((operation, JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone()));
                return _answer(operation, Sent.Count(s => s.Operation == operation));
            }
        }

        private static HttpResponseMessage Reply(HttpStatusCode status, string body, string type = "application/x-amz-json-1.1") => TestClient.Reply(status, body, type);

        private static HttpResponseMessage Ok(string body = "{}") => Reply(HttpStatusCode.OK, body);

        private static CognitoClient Client(Handler handler) => TestClient.On(handler);

        [Fact]
        public async Task AdminSetUserMfaPreferenceSendsOnlyTheMethodsGiven()
        {
            var handler = new Handler((_, _) => Ok());

            await Client(handler).AdminSetUserMfaPreferenceAsync(Pool, "bob", sms: new MfaSettings(false, false), totp: new MfaSettings(true, true), email: null, default);

            var body = handler.Sent.Single().Body;
            Assert.Equal("bob", body.GetProperty("Username").GetString());
            Assert.False(body.GetProperty("SMSMfaSettings").GetProperty("Enabled").GetBoolean());
            Assert.True(body.GetProperty("SoftwareTokenMfaSettings").GetProperty("PreferredMfa").GetBoolean());
            Assert.False(body.TryGetProperty("EmailMfaSettings", out _));
        }

        [Fact]
        public async Task AdminListDevicesPagesWithLimitAndPaginationTokenAndReadsTheDevice()
        {
            var handler = new Handler((_, n) => Ok(n == 1
                ? "{\"Devices\":[{\"DeviceKey\":\"eu-west-1_d1\",\"DeviceAttributes\":[{\"Name\":\"device_name\",\"Value\":\"Pixel\"},{\"Name\":\"device_status\",\"Value\":\"remembered\"},{\"Name\":\"last_ip_used\",\"Value\":\"198.51.100.7\"}],\"DeviceCreateDate\":1767225600,\"DeviceLastAuthenticatedDate\":1767229200}],\"PaginationToken\":\"next\"}"
                : "{\"Devices\":[]}"));
            var client = Client(handler);

            var devices = await Pages.AllAsync(token => client.AdminListDevicesAsync(Pool, "bob", 60, token, default));

            Assert.Equal(new[] { "AdminListDevices", "AdminListDevices" }, handler.Sent.Select(s => s.Operation));
            Assert.Equal(60, handler.Sent[0].Body.GetProperty("Limit").GetInt32());
            Assert.False(handler.Sent[0].Body.TryGetProperty("PaginationToken", out _));
            Assert.Equal("next", handler.Sent[1].Body.GetProperty("PaginationToken").GetString());
            var device = Assert.Single(devices);
            Assert.Equal("eu-west-1_d1", device.DeviceKey);
            Assert.Equal(new DateTime(2026, 1, 1, 1, 0, 0, DateTimeKind.Utc), device.LastAuthenticated!.Value.ToUniversalTime());
            Assert.Contains(new KeyValuePair<string, string>("device_status", "remembered"), device.Attributes);
        }

        [Fact]
        public async Task AdminListUserAuthEventsPagesWithMaxResultsAndNextTokenAndReadsRiskAndPlace()
        {
            var handler = new Handler((_, _) => Ok(
                "{\"AuthEvents\":[{\"EventId\":\"e1\",\"EventType\":\"SignIn\",\"CreationDate\":1767225600,\"EventResponse\":\"Fail\"," +
                "\"EventRisk\":{\"RiskDecision\":\"Block\",\"RiskLevel\":\"High\",\"CompromisedCredentialsDetected\":true}," +
                "\"EventContextData\":{\"IpAddress\":\"203.0.113.9\",\"DeviceName\":\"Chrome, Windows\",\"City\":\"Lagos\",\"Country\":\"Nigeria\"}}]}"));

            var page = await Client(handler).AdminListUserAuthEventsAsync(Pool, "bob", 5, "token-2", default);

            var body = handler.Sent.Single().Body;
            Assert.Equal(5, body.GetProperty("MaxResults").GetInt32());
            Assert.Equal("token-2", body.GetProperty("NextToken").GetString());
            var authEvent = Assert.Single(page.Items);
            Assert.Null(page.NextToken);
            Assert.Equal(("e1", "SignIn", "Fail", "High", "Block", true), (authEvent.EventId, authEvent.EventType, authEvent.Response, authEvent.RiskLevel, authEvent.RiskDecision, authEvent.CompromisedCredentialsDetected));
            Assert.Equal(("203.0.113.9", "Lagos", "Nigeria", "Chrome, Windows"), (authEvent.IpAddress, authEvent.City, authEvent.Country, authEvent.DeviceName));
        }

        [Fact]
        public async Task AdminLinkProviderForUserNamesTheNativeUserAsDestinationAndTheIdentityAsSource()
        {
            var handler = new Handler((_, _) => Ok());

            await Client(handler).AdminLinkProviderForUserAsync(Pool, "alice", new FederatedIdentity("Google", "1082"), default);

            var body = handler.Sent.Single().Body;
            Assert.Equal("Cognito", body.GetProperty("DestinationUser").GetProperty("ProviderName").GetString());
            Assert.Equal("alice", body.GetProperty("DestinationUser").GetProperty("ProviderAttributeValue").GetString());
            Assert.Equal("Google", body.GetProperty("SourceUser").GetProperty("ProviderName").GetString());
            Assert.Equal("Cognito_Subject", body.GetProperty("SourceUser").GetProperty("ProviderAttributeName").GetString());
            Assert.Equal("1082", body.GetProperty("SourceUser").GetProperty("ProviderAttributeValue").GetString());
            Assert.False(body.TryGetProperty("Username", out _));
        }

        [Fact]
        public async Task AdminDisableProviderForUserNamesOnlyTheIdentity()
        {
            var handler = new Handler((_, _) => Ok());

            await Client(handler).AdminDisableProviderForUserAsync(Pool, "alice", new FederatedIdentity("Okta", "jane@corp", "NameID"), default);

            var user = handler.Sent.Single().Body.GetProperty("User");
            Assert.Equal(("Okta", "NameID", "jane@corp"), (user.GetProperty("ProviderName").GetString(), user.GetProperty("ProviderAttributeName").GetString(), user.GetProperty("ProviderAttributeValue").GetString()));
        }

        [Fact]
        public async Task AMissingDeviceIsDeviceNotFoundAndAMissingPoolStaysResourceNotFound()
        {
            HttpResponseMessage NotFound() => Reply(HttpStatusCode.BadRequest, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Device does not exist.\"}");
            var poolThere = new Handler((op, _) => op == "DescribeUserPool" ? Ok("{\"UserPool\":{\"Id\":\"" + Pool + "\"}}") : NotFound());
            var poolGone = new Handler((op, _) => op == "DescribeUserPool"
                ? Reply(HttpStatusCode.BadRequest, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"User pool does not exist.\"}")
                : NotFound());

            var device = await Assert.ThrowsAsync<DeviceNotFoundException>(() => Client(poolThere).AdminForgetDeviceAsync(Pool, "bob", "eu-west-1_d9", default));
            var pool = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client(poolGone).AdminForgetDeviceAsync(Pool, "bob", "eu-west-1_d9", default));

            Assert.Equal("eu-west-1_d9", device.DeviceKey);
            Assert.Contains("Device 'eu-west-1_d9' of user 'bob'", device.Message);
            Assert.IsNotType<DeviceNotFoundException>(pool);
        }

        [Theory]
        [InlineData(HttpStatusCode.BadRequest, "UnknownOperationException", "Unknown operation AdminDeleteSoftwareToken", true)]
        [InlineData(HttpStatusCode.NotImplemented, "InternalFailure", "API action not yet implemented", true)]
        [InlineData(HttpStatusCode.InternalServerError, "InternalFailure", "The API action AdminDeleteSoftwareToken is not implemented", true)]
        [InlineData(HttpStatusCode.BadRequest, "UnsupportedOperation", "Unsupported", true)]
        [InlineData(HttpStatusCode.InternalServerError, "InternalErrorException", "Internal server error.", false)]
        [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "Try again", false)]
        public async Task OnlyAnAnswerThatSaysSoMeansTheOperationIsUnknownAndThatAnswerIsNotRetried(HttpStatusCode status, string type, string message, bool unknown)
        {
            var handler = new Handler((_, _) => Reply(status, $"{{\"__type\":\"{type}\",\"message\":\"{message}\"}}"));

            var failure = await Assert.ThrowsAnyAsync<CognitoServiceException>(() => Client(handler).AdminDeleteSoftwareTokenAsync(Pool, "bob", default));

            Assert.Equal(unknown, failure.MeansUnknownOperation);
            Assert.Equal(unknown ? 1 : 3, handler.Sent.Count);
        }

        [Fact]
        public async Task UnknownOperationAndTheAddOnErrorsAreTyped()
        {
            HttpResponseMessage Error(string type) => Reply(HttpStatusCode.BadRequest, $"{{\"__type\":\"{type}\",\"message\":\"m\"}}");

            await Assert.ThrowsAsync<UnknownOperationException>(() => Client(new Handler((_, _) => Error("UnknownOperationException"))).AdminGetUserAuthFactorsAsync(Pool, "bob", default));
            await Assert.ThrowsAsync<UserPoolAddOnNotEnabledException>(() => Client(new Handler((_, _) => Error("UserPoolAddOnNotEnabledException"))).AdminListUserAuthEventsAsync(Pool, "bob", 5, null, default));
            await Assert.ThrowsAsync<OperationNotEnabledException>(() => Client(new Handler((_, _) => Error("OperationNotEnabledException"))).AdminDeleteSoftwareTokenAsync(Pool, "bob", default));
            await Assert.ThrowsAsync<InvalidUserPoolConfigurationException>(() => Client(new Handler((_, _) => Error("InvalidUserPoolConfigurationException"))).AdminListDevicesAsync(Pool, "bob", 60, null, default));
        }

        [Fact]
        public async Task AdminGetUserAuthFactorsReadsPreferenceMethodsAndFactors()
        {
            var handler = new Handler((_, _) => Ok("{\"Username\":\"bob\",\"PreferredMfaSetting\":\"SOFTWARE_TOKEN_MFA\",\"UserMFASettingList\":[\"SOFTWARE_TOKEN_MFA\",\"SMS_MFA\"],\"ConfiguredUserAuthFactors\":[\"PASSWORD\",\"SOFTWARE_TOKEN\"]}"));

            var factors = await Client(handler).AdminGetUserAuthFactorsAsync(Pool, "bob", default);

            Assert.Equal("SOFTWARE_TOKEN_MFA", factors.PreferredMfa);
            Assert.Equal(new[] { "SOFTWARE_TOKEN_MFA", "SMS_MFA" }, factors.EnabledMfa);
            Assert.Equal(new[] { "PASSWORD", "SOFTWARE_TOKEN" }, factors.AuthFactors);
        }
    }
}
