using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>
    /// Pages disjoint partitions of one listing side by side, at most <c>concurrency</c> requests in flight, and hands each
    /// page to one reader as it arrives. Every partition is read to its end exactly once, so every item comes exactly once,
    /// in no promised order. The buffer holds a few pages: a slow reader slows the requests, memory stays flat. The first
    /// failure stops every partition and is what the reader gets.
    /// </summary>
    public sealed class PartitionedPages<T> : IDisposable
    {
        private readonly Channel<PartitionPage<T>> _pages;
        private readonly CancellationTokenSource _stop;
        private readonly SemaphoreSlim _slots;
        private readonly Func<string?, string?, CancellationToken, Task<Page<T>>> _fetch;
        private Exception? _failure;

        /// <param name="partitions">
        /// Where each partition starts: its filter (disjoint filters that together cover the listing, e.g. sub ^= "0" …
        /// "f"; one null filter for a plain listing), and the token to go on from, or a page already read.
        /// </param>
        /// <param name="fetch">One page of a partition: (filter, token or null for the first page, cancellation).</param>
        public PartitionedPages(IReadOnlyList<PartitionStart<T>> partitions, int concurrency, Func<string?, string?, CancellationToken, Task<Page<T>>> fetch,
            CancellationToken cancellationToken)
        {
            _fetch = fetch;
            _slots = new SemaphoreSlim(concurrency);
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _pages = Channel.CreateBounded<PartitionPage<T>>(new BoundedChannelOptions(Math.Max(2, concurrency * 2)) { SingleReader = true });
            var readers = partitions.Select((start, i) => ReadAsync(i, start)).ToArray();
            _ = Task.WhenAll(readers).ContinueWith(_ => _pages.Writer.TryComplete(_failure), TaskScheduler.Default);
        }

        /// <summary>The next page (which partition, its items, the token after it), or null at the end; throws the first failure of any partition.</summary>
        public async Task<PartitionPage<T>?> NextAsync(CancellationToken cancellationToken)
        {
            try
            {
                while (await _pages.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (_pages.Reader.TryRead(out var page))
                    {
                        return page;
                    }
                }
            }
            catch (ChannelClosedException closed) when (closed.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(closed.InnerException).Throw();
            }

            return null;
        }

        /// <summary>Stops asking: the reader has what it wanted (-First), or went away.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _pages.Writer.TryComplete();
        }

        private async Task ReadAsync(int partition, PartitionStart<T> start)
        {
            try
            {
                var token = start.Token;
                if (start.Prefetched != null)
                {
                    token = start.Prefetched.NextToken;
                    await _pages.Writer.WriteAsync(new PartitionPage<T>(partition, start.Prefetched), _stop.Token).ConfigureAwait(false);
                    if (token is null)
                    {
                        return;
                    }
                }

                do
                {
                    Page<T> page;
                    await _slots.WaitAsync(_stop.Token).ConfigureAwait(false);
                    try
                    {
                        page = await _fetch(start.Filter, token, _stop.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _slots.Release();
                    }

                    await _pages.Writer.WriteAsync(new PartitionPage<T>(partition, page), _stop.Token).ConfigureAwait(false);
                    token = page.NextToken;
                }
                while (token != null);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && _stop.IsCancellationRequested) && !(ex is ChannelClosedException))
            {
                Interlocked.CompareExchange(ref _failure, ex, null);
                _stop.Cancel();
            }
            catch (Exception)
            {
                // Stopped (by the reader, or by another partition's failure, which is the one reported).
            }
        }
    }
}
