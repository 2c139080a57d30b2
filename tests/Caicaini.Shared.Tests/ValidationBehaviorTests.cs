using Caicaini.Shared.Behaviors;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Caicaini.Shared.Tests;

public sealed class ValidationBehaviorTests
{
    public sealed record RenameThing(string NewName, int Priority) : ICommand<string>;

    private sealed class RenameThingValidator : AbstractValidator<RenameThing>
    {
        public RenameThingValidator()
        {
            RuleFor(c => c.NewName).NotEmpty().WithMessage("Choose a name.").MaximumLength(5).WithMessage("At most 5 characters.");
            RuleFor(c => c.Priority).InclusiveBetween(1, 3).WithMessage("Priority is 1, 2 or 3.");
        }
    }

    [Fact]
    public async Task Invalid_requests_never_reach_the_handler_and_name_each_field()
    {
        var behavior = new ValidationBehavior<RenameThing, string>([new RenameThingValidator()]);
        var handlerRan = false;

        var failure = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(new RenameThing("", 9), (_, _) => { handlerRan = true; return ValueTask.FromResult("done"); }, default));

        Assert.False(handlerRan);
        Assert.Equal(["Choose a name."], failure.Errors["newName"]);
        Assert.Equal(["Priority is 1, 2 or 3."], failure.Errors["priority"]);
    }

    [Fact]
    public async Task Valid_requests_pass_through()
    {
        var behavior = new ValidationBehavior<RenameThing, string>([new RenameThingValidator()]);

        var result = await behavior.Handle(new RenameThing("ok", 2), (_, _) => ValueTask.FromResult("done"), default);

        Assert.Equal("done", result);
    }

    [Fact]
    public void Errors_become_problem_details_with_a_stable_type_and_field_errors()
    {
        var error = new Error("validation", "One or more fields are invalid.", ErrorKind.Validation,
            new Dictionary<string, string[]> { ["email"] = ["Enter an email address."] });

        var problem = Assert.IsType<ValidationProblemDetails>(error.ToProblemDetails());

        Assert.Equal("https://caicaini.app/problems/validation", problem.Type);
        Assert.Equal(422, problem.Status);
        Assert.Equal(["Enter an email address."], problem.Errors["email"]);
    }

    [Fact]
    public void Extensions_carry_what_a_client_needs_to_act()
    {
        var error = new Error("insufficient-credits", "Your balance cannot cover a reply.", ErrorKind.PaymentRequired,
            Extensions: new Dictionary<string, object?> { ["balance"] = 12L });

        var problem = error.ToProblemDetails();

        Assert.Equal(402, problem.Status);
        Assert.Equal(12L, problem.Extensions["balance"]);
    }
}
