using FoodFast.Analytics.Api.Realtime;

namespace FoodFast.Analytics.UnitTests.Realtime;

public sealed class SendPacerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_first_write_goes_at_once_and_the_next_waits_for_the_interval()
    {
        var pacer = new SendPacer(60_000);
        Assert.True(pacer.WaitTurnAsync(Ct).IsCompleted);

        pacer.Wrote();

        Assert.False(pacer.WaitTurnAsync(Ct).IsCompleted);
    }

    [Fact]
    public void No_interval_never_waits()
    {
        var pacer = new SendPacer(0);
        pacer.Wrote();
        Assert.True(pacer.WaitTurnAsync(Ct).IsCompleted);
    }

    [Fact]
    public async Task A_client_leaving_cancels_the_wait()
    {
        var pacer = new SendPacer(60_000);
        pacer.Wrote();
        using var gone = new CancellationTokenSource();
        var waiting = pacer.WaitTurnAsync(gone.Token);
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
