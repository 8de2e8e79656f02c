"""Generation engines behind one narrow interface (see ``base.Engine``)."""
