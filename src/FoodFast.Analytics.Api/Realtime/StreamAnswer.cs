// What the live-feed endpoints answer, spelled once: nothing once the stream has ended (the messages were the
// answer), 400 naming the field, 403 for another user's room. Their problems come from StreamRoomAccess.
global using StreamAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.EmptyHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;
