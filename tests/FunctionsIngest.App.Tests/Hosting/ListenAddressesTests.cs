using FunctionsIngest.App.Hosting;

namespace FunctionsIngest.App.Tests.Hosting;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("http://127.0.0.2:80/", true)]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://*:7071", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://[::]:7071", false)]
    [InlineData("https://10.1.2.3:443", false)]
    [InlineData("http://myhost.example:80", false)]
    public void Only_loopback_addresses_count_as_private(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Fact]
    public void A_list_is_private_only_if_every_address_is() =>
        Assert.False(ListenAddresses.IsLoopbackOnly(ListenAddresses.Split("http://127.0.0.1:1;http://0.0.0.0:2")));
}
