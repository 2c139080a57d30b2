namespace Caicaini.Help.Data.Seed;

/// <summary>
/// The help centre's first content, inserted by the FaqContent migration. Frozen: later changes are
/// made by admins or by new migrations, so replaying old migrations always gives the same rows.
/// Links point at the product's routes (some pages arrive with their modules).
/// </summary>
internal static class FaqContent
{
    public sealed record Section(string Slug, string Title, Entry[] Entries);

    public sealed record Entry(string Slug, string Question, string Answer);

    public static readonly Section[] Sections =
    [
        new("account", "Account & sign-in",
        [
            new("create-account", "How do I create an account?",
                """
                Go to [Sign up](/account/register) and enter an email address, a username and a password of at least
                10 characters (a long passphrase is best; we refuse the most common passwords). You are signed in
                straight away on the **Free** plan with its first month of subscription credits, so you can start a
                [chat](/chat) at once. You can sign in later with either your email address or your username.
                """),
            new("forgot-password", "I forgot my password.",
                """
                Use [Forgot password](/account/forgot-password) and enter your email address. We email you a
                single-use link that is valid for **1 hour**; open it and choose a new password. For your security
                the page says the same thing whether or not an account exists for that address, so if nothing
                arrives within a few minutes, check your spam folder and that you used the address you signed up
                with. A link that was already used or has expired does nothing: just ask for a new one.
                """),
            new("change-username-or-email", "Can I change my username or email?",
                """
                Yes, both, on your [Account](/account) page.

                - **Username:** pick a new one; it must not be taken by someone else (case does not matter).
                - **Email:** enter the new address and we send a confirmation link to it. The change happens only
                  when you click that link, and we tell your old address that the email was changed.

                Changing your password on the same page signs you out of your other sessions.
                """),
            new("two-factor", "How do I turn on two-factor authentication?",
                """
                On your [Account](/account) page choose **Two-factor authentication**, scan the QR code with an
                authenticator app (or type the key shown beside it) and enter the 6-digit code to confirm. Keep the
                recovery codes somewhere safe: each one signs you in once if you lose your phone. From then on,
                signing in (and `caicaini login` in the CLI) asks for a code after your password.
                """),
            new("delete-account", "How do I delete my account?",
                """
                Email support from the address on your account and ask us to delete it (see *Still stuck?* below).
                We confirm by replying to that address, then remove your account and conversations; remaining
                credits are forfeited. Details are on the [Privacy](/privacy) page.
                """),
        ]),
        new("credits", "Credits & billing",
        [
            new("how-credits-work", "How do credits work?",
                """
                Every message costs credits, based on the tokens it used: the tokens you sent (your message plus the
                conversation history the model needed) and the tokens of the reply, each at the model's price per
                million tokens, rounded up to the nearest millionth of a credit. Each model's prices are on the
                [Models](/models) page.

                You have two buckets:

                - **Subscription credits** come with your plan at the start of each billing period and expire at its
                  end. Unused ones do not roll over.
                - **Top-up credits** are bought once and stay for as long as your account is active.

                Subscription credits are **always spent first**; top-up credits are used only when those run out.
                Before a reply starts we set aside enough for the longest reply your balance allows; when the reply
                ends you are charged only for what it actually used, and the rest is released at once. Every movement
                is listed in your [Billing](/billing) history.
                """),
            new("message-cost", "Where do I see what a message cost?",
                """
                Click any message in a [chat](/chat): its details panel shows the input tokens, the output tokens,
                the model that answered and the credits it cost, split between subscription and top-up credits. The
                `caicaini` CLI prints the same line after each reply. If a reply is stopped or cut short, you pay
                only for what was delivered, and the panel says whether the token counts were reported by the model
                provider or estimated by us.
                """),
            new("running-low", "My subscription credits are running low — what now?",
                """
                You have three options:

                1. **Top up** on the [Billing](/billing/top-up) page. Top-up credits are added as soon as your
                   payment completes and never expire while your account is active.
                2. **Upgrade your plan** on the [Billing](/billing) page for a larger monthly grant.
                3. **Wait** for your next billing period, when a fresh grant of subscription credits arrives.

                Using `caicaini/auto`, or a fast model such as `caicaini/haiku` or `caicaini/kimi`, also makes your
                credits go further. We show a low-balance warning when you have less than 10% of your plan's grant
                left, or less than a typical message costs.
                """),
            new("plans", "Which plans are there?",
                """
                **Free**, **Starter**, **Pro**, **Power** and **Ultra**. Each paid plan costs a fixed price per month
                and grants more subscription credits each billing period than the one before. Free and Starter are
                for the web app only; **Pro, Power and Ultra** also include the `caicaini` CLI and personal API
                tokens for the SDK. Current prices and grants are on the [Billing](/billing) page. If a paid period
                ends and is not renewed, your account returns to Free; your top-up credits stay.
                """),
        ]),
        new("models", "Models & quality",
        [
            new("which-models", "Which models can I use?",
                """
                - `caicaini/auto` (the default) picks a model for each message, see below.
                - `caicaini/opus`: the most capable and the most expensive, for hard reasoning, proofs and long code.
                - `caicaini/sonnet`: balanced quality and price for everyday work.
                - `caicaini/haiku` and `caicaini/kimi`: fast and cheap, ideal for short questions.

                Every plan can use every model; prices differ per model and are listed on the [Models](/models) page.
                """),
            new("auto-router", "What does caicaini/auto do?",
                """
                It reads your message and picks the cheapest model that will answer it well. Short factual questions
                go to a small, fast model because the answer is just as good and costs much less; everyday requests go
                to `caicaini/sonnet`; hard reasoning, maths, proofs and long code go to `caicaini/opus`. The message's
                details panel tells you which model answered, why it was chosen, and what the same message would have
                cost on sonnet and opus. If the chosen model's provider fails before answering, auto retries on a
                model of the same or a higher tier and says so.
                """),
            new("choose-model", "Can I choose the model for a single message?",
                """
                Yes. Pick a model in the dropdown above the message box before you send; the chat remembers your last
                choice. In the CLI, pass `--model`, for example `caicaini chat --model caicaini/opus`. Switching models
                within a conversation is fine: the history goes with it.
                """),
        ]),
        new("payments", "Payments & refunds",
        [
            new("payment-methods", "What payment methods do you accept?",
                """
                Cryptocurrency only, in two ways:

                - **Automatic invoice (NOWPayments):** choose a plan or a top-up on the [Billing](/billing) page and
                  pay the invoice in any of the roughly 70 coins it offers. Your credits or plan are applied
                  automatically when the payment finishes.
                - **Manual transfer:** send **USDT on TRC20** or **BTC** to the wallet address published on the payment
                  page, with the exact amount shown. An operator checks the transfer and confirms it, usually within
                  one business day.

                We do not accept cards or bank transfers.
                """),
            new("payment-confirming", "My payment is \"confirming\" — what does that mean?",
                """
                Your payment has been seen on the blockchain and is waiting for the network's confirmations. That is
                normal and usually takes from a few minutes up to about an hour, depending on the coin and how busy
                the network is. An invoice moves through **waiting** (no payment seen yet) → **confirming** →
                **confirmed** → **finished**; your credits or plan are applied at **finished**, and the payment's
                page updates by itself. You do not need to pay again: if you are worried, email support with the
                invoice number.
                """),
            new("manual-transfer-credit", "I paid by manual transfer — when do I get my credits?",
                """
                As soon as an operator confirms the transfer, usually within one business day. Make sure you sent the
                exact amount, in the currency and on the network shown (USDT on TRC20, or BTC). If it has been longer,
                email support with the transaction hash and the payment reference from the payment page.
                """),
            new("refunds", "Can I get a refund?",
                """
                Yes, when the service failed you in a way we can document: for example, you were charged for a
                reply that never arrived. Email support with the conversation or payment reference. An admin checks
                it and refunds you **to the wallet the payment came from, in the same currency**, minus the network's
                fee. The refunded credits are removed from your balance.
                """),
        ]),
        new("cli", "Caicaini Code (CLI)",
        [
            new("install-cli", "How do I install the CLI?",
                """
                Caicaini Code is a .NET tool. Install the [.NET 10 SDK](https://dotnet.microsoft.com/download), then run:

                ```
                dotnet tool install --global Caicaini.Cli
                caicaini --version
                caicaini login
                ```

                `caicaini login` asks for your email or username, your password (and your two-factor code if you use
                one) and stores a personal API token on your computer. Then try `caicaini chat`, `caicaini models`,
                `caicaini balance`, `caicaini conversations` and `caicaini topup`. Upgrade later with
                `dotnet tool update --global Caicaini.Cli`.
                """),
            new("cli-plans", "Which plans include the CLI?",
                """
                **Pro, Power and Ultra.** Free and Starter are for the web app only: on those plans the CLI and API
                tokens are refused with a message saying so. [Upgrade](/billing) and the CLI works straight away.
                """),
            new("api-tokens", "How do I use the API or the C# SDK?",
                """
                Create a personal API token on your [Account](/account) page (or with `caicaini login`) and send it as
                `Authorization: Bearer <token>`. The token is shown once: we store only a fingerprint of it, so copy it
                then. You can see when each token was last used and revoke it at any time. The API is described by
                our [OpenAPI document](/api-docs), from which the C# SDK is generated.
                """),
        ]),
        new("privacy", "Privacy & data",
        [
            new("where-data-lives", "Where does my data live?",
                """
                In our own PostgreSQL database; the [Privacy](/privacy) page says in which region and with which
                hosting provider. We store your account details, your conversations, your credit history and your
                payment records. Your messages are sent to the model provider that answers them (Anthropic or
                Moonshot, depending on the model) only to produce the reply.
                """),
            new("delete-conversation", "How do I delete a conversation?",
                """
                In the [chat](/chat) sidebar open the conversation's **⋯** menu and choose **Delete**, then confirm.
                The conversation disappears from your view at once and is purged from our database within
                **24 hours**. Backups roll off on a **30-day** rotation, so after that no copy remains. The credits
                it used stay in your billing history, without the conversation's text.
                """),
            new("backups", "How long do backups keep my data?",
                """
                Backups are kept on a 30-day rotation: anything deleted from the database is gone from every backup
                after at most 30 days. See the [Privacy](/privacy) page for the details.
                """),
        ]),
    ];
}
