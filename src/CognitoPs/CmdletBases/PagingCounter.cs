using System;
using System.Management.Automation;

namespace CognitoPs
{
    /// <summary>-Skip and -First across every listing a command makes, and the page size that asks for no more than is wanted.</summary>
    internal sealed class PagingCounter
    {
        public const int MaxPageSize = 60; // Cognito's limit for every list operation
        private readonly ulong _skip;
        private readonly ulong _first;
        private ulong _skipped;
        private ulong _written;

        public PagingCounter(PagingParameters? paging)
        {
            _skip = paging?.Skip ?? 0;
            _first = paging?.First ?? ulong.MaxValue;
        }

        /// <summary>Items that matched, written or skipped (for -IncludeTotalCount).</summary>
        public ulong Matched { get; private set; }

        public bool WantsMore => _written < _first;

        /// <summary>True without -First: the whole listing is wanted, in any order.</summary>
        public bool Unbounded => _first == ulong.MaxValue;

        /// <summary>Asks for no more items than are still wanted (items still to skip included), at most 60.</summary>
        public int PageSize
        {
            get
            {
                var toWrite = _first - _written;
                var wanted = (_skip - _skipped) + toWrite;
                wanted = wanted < toWrite ? ulong.MaxValue : wanted; // saturate: First defaults to ulong.MaxValue
                return (int)Math.Min(MaxPageSize, Math.Max(1UL, wanted));
            }
        }

        /// <summary>One matching item: skipped, written, or (past -First) dropped.</summary>
        public void Offer(Action write)
        {
            Matched++;
            if (_skipped < _skip)
            {
                _skipped++;
            }
            else if (_written < _first)
            {
                write();
                _written++;
            }
        }
    }
}
