using System;
using System.Diagnostics;
using System.Management.Automation;

namespace CognitoPs
{
    /// <summary>
    /// Progress of a bulk run: Write-Progress at most four times a second once the run has lasted half a second
    /// (short runs show none), and the closing "N set, M failed in T s" summary.
    /// </summary>
    internal sealed class BulkProgress
    {
        private static readonly TimeSpan FirstUpdateAfter = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan UpdateEvery = TimeSpan.FromMilliseconds(250);
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly string _activity;
        private readonly bool _show;
        private TimeSpan _lastUpdate = TimeSpan.Zero;
        private bool _shown;

        public BulkProgress(string activity, int? total, bool show)
        {
            _activity = activity;
            Total = total;
            _show = show;
        }

        /// <summary>How many items the run will have, when known: a percentage is shown then.</summary>
        public int? Total { get; set; }

        /// <summary>False when $ProgressPreference is SilentlyContinue: nothing is computed or written.</summary>
        public bool Shown => _show;

        public int Succeeded { get; private set; }

        public int Failed { get; private set; }

        public int Skipped { get; private set; }

        /// <summary>Outcomes reported as warnings because the pipeline had stopped (they are also counted as done or failed).</summary>
        public int Unwritten { get; set; }

        public void Success(Cmdlet cmdlet) => Count(cmdlet, () => Succeeded++);

        public void Failure(Cmdlet cmdlet) => Count(cmdlet, () => Failed++);

        public void Skip(Cmdlet cmdlet) => Count(cmdlet, () => Skipped++);

        public void Complete(Cmdlet cmdlet)
        {
            if (_shown)
            {
                cmdlet.WriteProgress(new ProgressRecord(1, _activity, Status()) { RecordType = ProgressRecordType.Completed });
            }
        }

        public string Summary(string verb) =>
            $"{Succeeded} {verb}, {Failed} failed in {_elapsed.Elapsed.TotalSeconds:0.0} s" + (Skipped > 0 ? $", {Skipped} skipped" : "")
            + (Unwritten > 0 ? $"; {Unwritten} reported as warnings because the pipeline had stopped" : "");

        private void Count(Cmdlet cmdlet, Action count)
        {
            count();
            var now = _elapsed.Elapsed;
            if (!_show || now < FirstUpdateAfter || now - _lastUpdate < UpdateEvery)
            {
                return;
            }

            _lastUpdate = now;
            _shown = true;
            var done = Succeeded + Failed + Skipped;
            var record = new ProgressRecord(1, _activity, Status());
            if (Total > 0)
            {
                record.PercentComplete = Math.Min(100, done * 100 / Total.Value);
                var rate = done / now.TotalSeconds;
                record.SecondsRemaining = rate > 0 ? (int)((Total.Value - done) / rate) : -1;
            }

            cmdlet.WriteProgress(record);
        }

        private string Status()
        {
            var done = Succeeded + Failed + Skipped;
            var of = Total > 0 ? $" of {Total}" : "";
            return $"{done}{of} users: {Succeeded} done, {Failed} failed; {done / Math.Max(0.001, _elapsed.Elapsed.TotalSeconds):0.0}/s";
        }
    }
}
