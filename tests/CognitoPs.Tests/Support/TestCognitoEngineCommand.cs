using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Commands;

namespace CognitoPs.Tests
{
    /// <summary>
    /// A minimal cmdlet on the per-user engine (it disables users), so the engine's own promises can be observed:
    /// which users it releases, in what order it writes. Imported into the hosted runspace next to the module.
    /// </summary>
    [Cmdlet("Test", "CognitoEngine", SupportsShouldProcess = true)]
    public sealed class TestCognitoEngineCommand : CognitoUserChangeCmdlet
    {
        /// <summary>User names the engine released, per pool (each test uses its own pool id).</summary>
        public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Released = new ConcurrentDictionary<string, ConcurrentQueue<string>>();

        protected override string Activity => "Testing the engine";

        protected override string Done => "tested";

        protected override string Verb => "test";

        protected override string Change => "Tested";

        protected override string ActionFor(PendingUser user) => "Test user";

        /// <summary>Requests (retries and backoff waits included) not yet finished, per pool: what could still send something.</summary>
        public static readonly ConcurrentDictionary<string, int> InFlight = new ConcurrentDictionary<string, int>();

        /// <summary>Per pool: for each released user, whether its request had finished when it was released.</summary>
        public static readonly ConcurrentDictionary<string, ConcurrentQueue<bool>> ReleasedAfterFinish = new ConcurrentDictionary<string, ConcurrentQueue<bool>>();

        /// <summary>How long a cancelled request takes to wind down, as one whose reply is already being read would.</summary>
        [Parameter]
        public int WindDownMs { get; set; }

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            Tracked(user.UserPoolId!, WindingDown(WithoutReply(user.Client.AdminDisableUserAsync(user.UserPoolId!, user.Username!, cancellationToken)), WindDownMs));

        private static async Task<object?> WindingDown(Task<object?> request, int milliseconds)
        {
            try
            {
                return await request.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (milliseconds > 0)
            {
                await Task.Delay(milliseconds).ConfigureAwait(false);
                throw;
            }
        }

        protected override void Release(PendingUser user)
        {
            Released.GetOrAdd(user.UserPoolId!, _ => new ConcurrentQueue<string>()).Enqueue(user.Username!);
            ReleasedAfterFinish.GetOrAdd(user.UserPoolId!, _ => new ConcurrentQueue<bool>()).Enqueue((InFlight.TryGetValue(user.UserPoolId!, out var inFlight) ? inFlight : 0) == 0);
        }

        // The count drops inside the request's own task, so it is down before anyone waiting for that task resumes.
        private static async Task<object?> Tracked(string pool, Task<object?> request)
        {
            InFlight.AddOrUpdate(pool, 1, (_, n) => n + 1);
            try
            {
                return await request.ConfigureAwait(false);
            }
            finally
            {
                InFlight.AddOrUpdate(pool, 0, (_, n) => n - 1);
            }
        }
    }
}
