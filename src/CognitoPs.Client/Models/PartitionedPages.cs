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
        private readonly Channel<IReadOnlyList<T>> _pages;
        private readonly CancellationTokenSource _stop;
        private readonly SemaphoreSlim _slots;
        private readonly Func<string, string?, CancellationToken, Task<Page<T>>> _fetch;
        private Exception? _failure;

        /// <param name="partitions">Filters that split the listing into disjoint parts covering it, e.g. sub ^= "0" … "f".</param>
        /// <param name="fetch">One page of a partition: (partition, token or null for the first page, cancellation).</param>
        /// <param name="firstPage">A page of <paramref name="partitions"/>[0] already read (the probe that showed partitions work).</param>
        public PartitionedPages(IReadOnlyList<string> partitions, int concurrency, Func<string, string?, CancellationToken, Task<Page<T>>> fetch,
            Page<T>? firstPage, CancellationToken cancellationToken)
        {
            _fetch = fetch;
            _slots = new SemaphoreSlim(concurrency);
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _pages = Channel.CreateBounded<IReadOnlyList<T>>(new BoundedChannelOptions(Math.Max(2, concurrency * 2)) { SingleReader = true });
            var readers = partitions.Select((partition, i) => ReadAsync(partition, i == 0 ? firstPage : null)).ToArray();
            _ = Task.WhenAll(readers).ContinueWith(_ => _pages.Writer.TryComplete(_failure), TaskScheduler.Default);
        }

        /// <summary>The next page, or null at the end; throws the first failure of any partition.</summary>
        public async Task<IReadOnlyList<T>?> NextAsync(CancellationToken cancellationToken)
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

        private async Task ReadAsync(string partition, Page<T>? first)
        {
            try
            {
                var token = first?.NextToken;
                if (first != null)
                {
                    await _pages.Writer.WriteAsync(first.Items, _stop.Token).ConfigureAwait(false);
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
                        page = await _fetch(partition, token, _stop.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _slots.Release();
                    }

                    await _pages.Writer.WriteAsync(page.Items, _stop.Token).ConfigureAwait(false);
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
