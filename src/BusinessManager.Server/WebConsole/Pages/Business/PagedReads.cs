using BusinessManager.Server.Infrastructure;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>Reads every page of a list by following the API's cursors, so a long list is never cut short.</summary>
public static class PagedReads
{
    public static async Task<ApiResult<List<T>>> AllAsync<T>(this ConsoleApi api, string path)
    {
        var items = new List<T>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string? cursor = null;
        do
        {
            var page = await api.GetAsync<Page<T>>($"{path}{separator}limit={Paging.MaxLimit}"
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            if (!page.IsOk)
            {
                return new ApiResult<List<T>>(null, page.Problem);
            }

            items.AddRange(page.Value!.Items);
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        return new ApiResult<List<T>>(items, null);
    }
}
