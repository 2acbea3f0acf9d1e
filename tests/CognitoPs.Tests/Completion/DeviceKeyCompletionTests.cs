using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>-DeviceKey completes from the devices of the user named by -Username, in the pool given.</summary>
    public sealed class DeviceKeyCompletionTests : IDisposable
    {
        private readonly FakeHttpServer _server;
        private readonly HostedRunspace _host;

        public DeviceKeyCompletionTests()
        {
            _server = new FakeHttpServer(request =>
            {
                var user = JsonDocument.Parse(request.Body).RootElement.GetProperty("Username").GetString();
                return (200, "{\"Devices\":[" + string.Join(",", new[] { "1111", "2222" }.Select(id =>
                    $"{{\"DeviceKey\":\"eu-west-1_{id}-{user}\",\"DeviceAttributes\":[{{\"Name\":\"device_name\",\"Value\":\"Phone {id}\"}}]}}")) + "]}");
            });
            _host = new HostedRunspace(_server.Url);
        }

        public void Dispose()
        {
            _host.Dispose();
            _server.Dispose();
        }

        private string[] Complete(string line)
        {
            var result = _host.Run($"(TabExpansion2 '{line}' {line.Length}).CompletionMatches | ForEach-Object {{ $_.CompletionText + '|' + $_.ToolTip }}");
            return result.Output.Where(o => o != null).Select(o => (string)o.BaseObject).ToArray();
        }

        [Fact]
        public void TheNamedUsersDevicesAreOfferedWithTheirNames()
        {
            var offered = Complete("Remove-CognitoUserDevice -UserPoolId eu-west-1_Ab12 -EndpointUrl $url -Credential $cred -Username bob -DeviceKey eu-west-1_2");

            Assert.Equal(new[] { "eu-west-1_2222-bob|Phone 2222" }, offered);
            Assert.Equal("AdminListDevices", _server.Requests.Single().Target!.Split('.')[1]);
        }

        [Fact]
        public void WithoutAUserNothingIsOfferedAndNothingIsAsked()
        {
            var offered = Complete("Remove-CognitoUserDevice -UserPoolId eu-west-1_Ab12 -EndpointUrl $url -Credential $cred -DeviceKey ");

            Assert.DoesNotContain(offered, o => o.StartsWith("eu-west-1_", StringComparison.Ordinal));
            Assert.Empty(_server.Requests);
        }
    }
}
