using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using CognitoPs.Client;

// Usage: ClientCost <responder url> <calls>. Prints one JSON line: CPU microseconds per call for each loop.
var endpoint = new Uri(args[0]);
var calls = int.Parse(args[1]);
var password = new SecureString();
foreach (var c in "Bench-Passw0rd!")
{
    password.AppendChar(c);
}

password.MakeReadOnly();
var client = new CognitoClient(endpoint, "us-east-1", new CognitoCredentials(new BasicAWSCredentials("AKIDCOGNITOPSTEST", "cognitops-test-secret"), "the bench key"));
var ours = await Measure(calls, () => client.AdminSetUserPasswordAsync("us-east-1_Bench1", "bench-user", password, true, CancellationToken.None));

// The floor: the same bytes and headers, prepared once, posted by a bare HttpClient (no signing, no body writing).
using var http = new HttpClient();
var body = Encoding.UTF8.GetBytes("{\"UserPoolId\":\"us-east-1_Bench1\",\"Username\":\"bench-user\",\"Password\":\"Bench-Passw0rd!\",\"Permanent\":true}");
var authorization = "AWS4-HMAC-SHA256 Credential=AKIDCOGNITOPSTEST/20261126/us-east-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + new string('0', 64);
var floor = await Measure(calls, async () =>
{
    using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
    request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminSetUserPassword");
    request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261126T000000Z");
    request.Headers.TryAddWithoutValidation("Authorization", authorization);
    using var response = await http.SendAsync(request);
    await response.Content.ReadAsByteArrayAsync();
});

Console.WriteLine(JsonSerializer.Serialize(new { calls, oursCpuMicroseconds = ours.Cpu, oursWallMicroseconds = ours.Wall, floorCpuMicroseconds = floor.Cpu, floorWallMicroseconds = floor.Wall }));

static async Task<(double Cpu, double Wall)> Measure(int calls, Func<Task> call)
{
    for (var i = 0; i < Math.Min(500, calls); i++)
    {
        await call(); // warm-up: JIT, connection
    }

    GC.Collect();
    var process = Process.GetCurrentProcess();
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        await call();
    }

    wall.Stop();
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    return (cpu.TotalMilliseconds * 1000 / calls, wall.Elapsed.TotalMilliseconds * 1000 / calls);
}
