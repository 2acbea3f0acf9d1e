using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.IO;

namespace JitTrace
{
    /// <summary>
    /// Listens to the runtime's JIT events in-process. Each compiled method is written down with the phase the script
    /// had set (<see cref="Phase"/>), whether the thread that started the trace compiled it (the pipeline thread) or
    /// another one, and how long its compilation took (from MethodJittingStarted to MethodLoadVerbose).
    /// </summary>
    public sealed class Recorder : EventListener
    {
        private const EventKeywords JitKeyword = (EventKeywords)0x10;
        private static Recorder? _current;
        private readonly ConcurrentDictionary<ulong, DateTime> _started = new ConcurrentDictionary<ulong, DateTime>();
        private readonly ConcurrentQueue<string> _lines = new ConcurrentQueue<string>();
        private long _pipelineThread = -1;

        /// <summary>import, first, ...: whatever the measuring script is doing now.</summary>
        public static string Phase { get; set; } = "before";

        /// <summary>Starts recording; the calling thread counts as the pipeline thread.</summary>
        public static void Start()
        {
            _current = new Recorder();
            MarkerSource.Log.Started();
        }

        /// <summary>Writes one line per compiled method: phase, thread (pipeline/other), milliseconds, method.</summary>
        public static void Save(string path)
        {
            var recorder = _current ?? throw new InvalidOperationException("Start was not called.");
            File.WriteAllLines(path, recorder._lines.ToArray());
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, JitKeyword);
            }
            else if (source.Name == MarkerSource.SourceName)
            {
                EnableEvents(source, EventLevel.Informational);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventSource.Name == MarkerSource.SourceName)
            {
                // Delivered on the thread that wrote it: the pipeline thread, which called Start.
                _pipelineThread = e.OSThreadId;
                return;
            }

            var name = e.EventName ?? "";
            if (name.StartsWith("MethodJittingStarted", StringComparison.Ordinal))
            {
                _started[MethodId(e)] = e.TimeStamp;
            }
            else if (name.StartsWith("MethodLoadVerbose", StringComparison.Ordinal))
            {
                var milliseconds = _started.TryRemove(MethodId(e), out var start) ? (e.TimeStamp - start).TotalMilliseconds : 0;
                var thread = e.OSThreadId == _pipelineThread ? "pipeline" : "other";
                var method = $"{Payload(e, "MethodNamespace")}::{Payload(e, "MethodName")}";
                _lines.Enqueue(string.Join("\t", Phase, thread, milliseconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), method));
            }
        }

        private static ulong MethodId(EventWrittenEventArgs e) => Convert.ToUInt64(Payload(e, "MethodID"));

        private static object? Payload(EventWrittenEventArgs e, string field)
        {
            var index = e.PayloadNames?.IndexOf(field) ?? -1;
            return index >= 0 ? e.Payload![index] : null;
        }
    }

    /// <summary>One event, written by <see cref="Recorder.Start"/>, that tells the recorder which OS thread is the pipeline's.</summary>
    [EventSource(Name = SourceName)]
    internal sealed class MarkerSource : EventSource
    {
        internal const string SourceName = "CognitoPs-JitTrace";
        internal static readonly MarkerSource Log = new MarkerSource();

        [Event(1, Level = EventLevel.Informational)]
        internal void Started() => WriteEvent(1);
    }
}
