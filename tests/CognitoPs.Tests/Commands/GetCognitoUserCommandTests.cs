using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>Get-CognitoUser, Connect-CognitoUserPool and the pipeline into Set-CognitoUserPassword, in a hosted runspace.</summary>
    public sealed class GetCognitoUserCommandTests : IDisposable
    {
        private const int PoolSize = 150;
        private readonly FakeHttpServer _server;
        private readonly HostedRunspace _host;

        public GetCognitoUserCommandTests()
        {
            _server = new FakeHttpServer(Answer);
            _host = new HostedRunspace(_server.Url);
            _host.SetVariable("pw", Secrets.Secure("Temp-Passw0rd!"));
        }

        public void Dispose()
        {
            _host.Dispose();
            _server.Dispose();
        }

        // A pool of 150 users served as Cognito pages them: at most Limit users, a token while more remain.
        private static (int, string) Answer(CapturedRequest request)
        {
            using var body = JsonDocument.Parse(request.Body);
            var input = body.RootElement;
            var pool = input.GetProperty("UserPoolId").GetString();
            switch (request.Target!.Split('.')[1])
            {
                case "ListUsers":
                    var limit = input.GetProperty("Limit").GetInt32();
                    var start = input.TryGetProperty("PaginationToken", out var token) ? int.Parse(token.GetString()!.Substring(4)) : 1;
                    var end = Math.Min(PoolSize + 1, start + limit);
                    var users = Enumerable.Range(start, end - start).Select(i => $"{{\"Username\":\"u{i:000}\",\"Enabled\":true,\"UserStatus\":\"CONFIRMED\",\"Attributes\":[{{\"Name\":\"email\",\"Value\":\"u{i:000}@example.com\"}}]}}");
                    var next = end <= PoolSize ? $",\"PaginationToken\":\"tok-{end}\"" : "";
                    return (200, $"{{\"Users\":[{string.Join(",", users)}]{next}}}");
                case "AdminGetUser":
                    var name = input.GetProperty("Username").GetString();
                    return name == "ghost"
                        ? (400, "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}")
                        : (200, $"{{\"Username\":\"{name}\",\"UserStatus\":\"CONFIRMED\",\"Enabled\":true,\"UserAttributes\":[]}}");
                case "DescribeUserPool":
                    return pool!.EndsWith("_Missing", StringComparison.Ordinal)
                        ? (400, $"{{\"__type\":\"ResourceNotFoundException\",\"message\":\"User pool {pool} does not exist.\"}}")
                        : (200, $"{{\"UserPool\":{{\"Id\":\"{pool}\",\"Name\":\"staff\",\"EstimatedNumberOfUsers\":{PoolSize}}}}}");
                default:
                    return (200, "{}");
            }
        }

        private int[] ListUsersLimits() => _server.Requests.Where(r => r.Target!.EndsWith(".ListUsers", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("Limit").GetInt32()).ToArray();

        [Fact]
        public void ListingFollowsTokensToTheEndInPagesOfSixty()
        {
            var result = _host.Run("Get-CognitoUser -UserPoolId eu-west-1_Ab12 -EndpointUrl $url -Credential $cred");

            Assert.Equal(PoolSize, result.Output.Count);
            Assert.Equal(new[] { 60, 60, 60 }, ListUsersLimits());
            Assert.Equal("u001", result.Output[0].Properties["Username"].Value);
            Assert.Equal("u150", result.Output[^1].Properties["Username"].Value);
        }

        [Fact]
        public void FirstAndSkipRequestNoMoreThanNeeded()
        {
            var first = _host.Run("Get-CognitoUser -UserPoolId eu-west-1_Ab12 -First 10 -EndpointUrl $url -Credential $cred");
            Assert.Equal(10, first.Output.Count);
            Assert.Equal(new[] { 10 }, ListUsersLimits());

            var skipped = _host.Run("Get-CognitoUser -UserPoolId eu-west-1_Ab12 -Skip 55 -First 10 -EndpointUrl $url -Credential $cred");
            Assert.Equal(Enumerable.Range(56, 10).Select(i => $"u{i:000}"), skipped.Output.Select(o => (string)o.Properties["Username"].Value));
            Assert.Equal(new[] { 10, 60, 5 }, ListUsersLimits());
        }

        [Fact]
        public void SelectObjectFirstStopsTheListingEarly()
        {
            var result = _host.Run("Get-CognitoUser -UserPoolId eu-west-1_Ab12 -EndpointUrl $url -Credential $cred | Select-Object -First 3");

            Assert.Equal(3, result.Output.Count);
            Assert.Single(ListUsersLimits()); // the first page was enough; no second request
        }

        [Fact]
        public void UsersCarryTheirPoolRegionAndEndpointIntoSetCognitoUserPassword()
        {
            // An emulator-style pool id names no region: only the objects can tell Set-CognitoUserPassword which one.
            var result = _host.Run(
                "Get-CognitoUser -UserPoolId local_Ab12 -Region eu-central-1 -First 2 -EndpointUrl $url -Credential $cred " +
                "| Set-CognitoUserPassword -Password $pw -PassThru -Credential $cred");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "eu-central-1", "eu-central-1" }, result.Output.Select(o => (string)o.Properties["Region"].Value));
            var sets = _server.Requests.Where(r => r.Target!.EndsWith(".AdminSetUserPassword", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, sets.Count); // they reached this server only through the objects' EndpointUrl
            Assert.All(sets, r => Assert.Contains("/eu-central-1/cognito-idp/aws4_request", r.Authorization));
            Assert.Equal(new[] { "u001", "u002" }, sets.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("Username").GetString()));
        }

        [Fact]
        public void OneUserByNameAndAnUnknownOneIsANonTerminatingError()
        {
            var result = _host.Run("'alice','ghost','bob' | Get-CognitoUser -UserPoolId eu-west-1_Ab12 -EndpointUrl $url -Credential $cred");

            Assert.Equal(new[] { "alice", "bob" }, result.Output.Select(o => (string)o.Properties["Username"].Value));
            var error = Assert.Single(result.Errors);
            Assert.Equal("UserNotFound,CognitoPs.Commands.GetCognitoUserCommand", error.FullyQualifiedErrorId);
            Assert.Equal("ghost", error.TargetObject);
        }

        [Fact]
        public void ConnectSetsTheDefaultAndDisconnectClearsIt()
        {
            var connected = _host.Run("Connect-CognitoUserPool eu-west-1_Ab12 -EndpointUrl $url -Credential $cred");
            Assert.Equal(PoolSize, Assert.Single(connected.Output).Properties["EstimatedNumberOfUsers"].Value);

            var listed = _host.Run("Get-CognitoUser -First 5");
            Assert.Equal(5, listed.Output.Count);
            Assert.Equal("eu-west-1_Ab12", listed.Output[0].Properties["UserPoolId"].Value);

            var set = _host.Run("Set-CognitoUserPassword alice -Password $pw -PassThru");
            Assert.Equal("eu-west-1_Ab12", Assert.Single(set.Output).Properties["UserPoolId"].Value);

            using (var other = new HostedRunspace(_server.Url))
            {
                var elsewhere = other.Run("Get-CognitoUser -First 1 -EndpointUrl $url -Credential $cred");
                Assert.Equal("UserPoolIdMissing,CognitoPs.Commands.GetCognitoUserCommand", elsewhere.Terminating?.FullyQualifiedErrorId);
            }

            _host.Run("Disconnect-CognitoUserPool");
            var afterwards = _host.Run("Get-CognitoUser -First 1");
            Assert.Equal("UserPoolIdMissing,CognitoPs.Commands.GetCognitoUserCommand", afterwards.Terminating?.FullyQualifiedErrorId);
            Assert.Contains("Connect-CognitoUserPool", afterwards.Terminating!.ToString());
        }

        [Fact]
        public void ConnectingToAPoolThatDoesNotExistFailsAndKeepsNoDefault()
        {
            var result = _host.Run("Connect-CognitoUserPool eu-west-1_Missing -EndpointUrl $url -Credential $cred");

            Assert.Equal("ResourceNotFound,CognitoPs.Commands.ConnectCognitoUserPoolCommand", result.Terminating?.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, result.Terminating!.CategoryInfo.Category);
            Assert.Equal("UserPoolIdMissing", _host.Run("Get-CognitoUser").Terminating?.FullyQualifiedErrorId.Split(',')[0]);
        }

        [Fact]
        public void AnObjectWithoutAUserNameFailsAloneWithoutARequestOrItsContents()
        {
            var result = _host.Run(
                "'alice', [pscustomobject]@{ Name = 'x'; Password = 'Plain-Secret-1' }, 'bob' " +
                "| Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -EndpointUrl $url -Credential $cred");

            Assert.Equal(2, _server.Requests.Count);
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("no property that names one (Username, User, Email)", error.ToString());
            Assert.DoesNotContain("Plain-Secret-1", error.ToString() + error.Exception);
        }

        [Fact]
        public void InteropObjectsBindByPropertyName()
        {
            // AWS.Tools' UserType spells it UserName; a directory export may only have Email (a Cognito alias).
            _host.Run(
                "[pscustomobject]@{ UserName = 'from-aws-tools'; UserStatus = 'CONFIRMED' }, [pscustomobject]@{ Email = 'ann@example.com' } " +
                "| Set-CognitoUserPassword -UserPoolId eu-west-1_Ab12 -Password $pw -EndpointUrl $url -Credential $cred");

            Assert.Equal(new[] { "from-aws-tools", "ann@example.com" },
                _server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("Username").GetString()));
        }

        [Fact]
        public void ALongUnfilteredListingShowsProgressAgainstThePoolEstimate()
        {
            // The consumer is slow (5 ms a user), so the listing lasts long enough to show progress.
            var result = _host.Run("$ProgressPreference = 'Continue'; Get-CognitoUser -UserPoolId eu-west-1_Ab12 -EndpointUrl $url -Credential $cred | ForEach-Object { Start-Sleep -Milliseconds 5; $_ }");

            Assert.Equal(PoolSize, result.Output.Count);
            Assert.Single(_server.Requests, r => r.Target!.EndsWith(".DescribeUserPool", StringComparison.Ordinal));
            Assert.Contains(result.Progress, p => p.PercentComplete > 0 && p.StatusDescription.Contains($"of {PoolSize} users"));
        }

        [Theory]
        [InlineData("-First 100")]
        [InlineData("-UsernamePrefix u")]
        public void BoundedOrFilteredListingsDoNotAskForTheEstimate(string options)
        {
            _host.Run($"$ProgressPreference = 'Continue'; Get-CognitoUser -UserPoolId eu-west-1_Ab12 {options} -EndpointUrl $url -Credential $cred");

            Assert.DoesNotContain(_server.Requests, r => r.Target!.EndsWith(".DescribeUserPool", StringComparison.Ordinal));
        }
    }
}
