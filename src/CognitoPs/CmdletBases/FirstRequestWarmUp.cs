using System;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// Once per process, when the first CognitoPs command is created, runs <see cref="ClientWarmUp"/> on a thread of its
    /// own: while PowerShell binds that command's parameters and the command reads its settings and credentials, the
    /// client's request path (body, signing, sending, parsing) is compiled beside it on another core, so the session's
    /// first request does not wait for that. Not at import: a session that only imports the module pays nothing.
    /// </summary>
    internal static class FirstRequestWarmUp
    {
        private static readonly TaskCompletionSource Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        private static int _started;

        /// <summary>Completes when the warm-up has run (faulted if it failed); never completes before the first command.</summary>
        internal static Task Completion => Done.Task;

        internal static void StartOnce()
        {
            if (Interlocked.Exchange(ref _started, 1) == 0)
            {
                new Thread(Run) { IsBackground = true, Name = "CognitoPs warm-up" }.Start();
            }
        }

        private static void Run()
        {
            try
            {
                ClientWarmUp.Run();
                Done.SetResult();
            }
            catch (Exception ex)
            {
                // Only a head start: the first real request does the same work and reports its own failures.
                Done.SetException(ex);
            }
        }
    }
}
